import { describe, expect, it } from 'vitest'
import { lineName } from './lineName.ts'

describe('lineName', () => {
  const line = { description: 'Premium Cursus', productNameEn: 'Premium Course' }
  it('keeps the Dutch description on the order in Dutch', () => {
    expect(lineName(line, 'nl')).toBe('Premium Cursus')
  })
  it('uses the product’s English name in English, as checkout and the price list do', () => {
    expect(lineName(line, 'en')).toBe('Premium Course')
  })
  it('falls back to the description when the product is unknown', () => {
    expect(lineName({ description: 'Premium Cursus', productNameEn: null }, 'en')).toBe('Premium Cursus')
  })
})
