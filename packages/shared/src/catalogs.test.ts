import { describe, expect, test } from 'vitest'
import {
  catalogProblems,
  createTranslator,
  flattenCatalog,
  interpolate,
  keyProblems,
  placeholderProblems,
  placeholders,
  requiredKeyProblems,
  textProblems,
} from './catalogs.ts'

const nl = { greeting: 'Hoi {{name}},', order: { title: 'Bestelling {{number}}', paid: 'Betaald' } }
const en = { greeting: 'Hi {{name}},', order: { title: 'Order {{number}}', paid: 'Paid' } }

describe('catalogs', () => {
  test('flatten gives dotted paths of the leaves', () => {
    expect([...flattenCatalog(nl)]).toEqual([
      ['greeting', 'Hoi {{name}},'],
      ['order.title', 'Bestelling {{number}}'],
      ['order.paid', 'Betaald'],
    ])
  })

  test('a list of paragraphs counts by index', () => {
    expect([...flattenCatalog({ text: ['een', 'twee'] }).keys()]).toEqual(['text.0', 'text.1'])
    expect(keyProblems({ nl: { text: ['een', 'twee'] }, en: { text: ['one'] } })).toEqual(['en: "text.1" is missing (it is in nl)'])
  })

  test('placeholders are listed once, sorted', () => {
    expect(placeholders('{{b}} en {{a}} en {{b}}')).toEqual(['a', 'b'])
    expect(placeholders('geen')).toEqual([])
  })

  test('interpolate fills placeholders as plain text and refuses a missing value', () => {
    expect(interpolate('{{a}} & {{b}} & {{a}}', { a: '<x>', b: 3 })).toBe('<x> & 3 & <x>')
    expect(() => interpolate('via {{email}}.', {})).toThrow('No value for {{email}}')
  })

  test('a translator looks up typed keys', () => {
    const t = createTranslator(nl)
    expect(t('order.title', { number: '2026-1' })).toBe('Bestelling 2026-1')
    // @ts-expect-error not a key of the catalog
    expect(() => t('order.missing')).toThrow('No catalog text for "order.missing"')
  })

  test('matching catalogs have no problems', () => {
    expect(catalogProblems({ nl, en }, { requiredKeys: ['order.paid'] })).toEqual([])
  })

  test('each kind of problem is reported with its locale and key', () => {
    expect(keyProblems({ nl, en: { ...en, order: { title: 'Order {{number}}' }, extra: 'x' } })).toEqual([
      'en: "order.paid" is missing (it is in nl)',
      'en: "extra" is not in nl',
    ])
    expect(placeholderProblems({ nl, en: { ...en, greeting: 'Hi {{firstName}},' } })).toEqual(['en: "greeting" has placeholders [firstName], nl has [name]'])
    expect(textProblems({ nl: { a: ' ', b: ['x', ''], c: 'Hoi {{ name }}', d: 'Hoi {name}', e: 3 } })).toEqual([
      'nl: "a" is empty',
      'nl: "b.1" is empty',
      'nl: "c" has a malformed placeholder: Hoi {{ name }}',
      'nl: "d" has a malformed placeholder: Hoi {name}',
      'nl: "e" is not a text (number)',
    ])
    expect(requiredKeyProblems({ nl, en }, ['order.paid', 'order.refunded', 'order'])).toEqual([
      'nl: "order.refunded" is not translated',
      'en: "order.refunded" is not translated',
      'nl: "order" is not translated',
      'en: "order" is not translated',
    ])
  })
})
