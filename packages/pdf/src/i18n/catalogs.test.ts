import { keyProblems, placeholderProblems, textProblems } from '@jouwbot/shared/catalogs'
import { expect, test } from 'vitest'
import en from './en.json'
import nl from './nl.json'

// The same checks as the web and mail catalogs (packages/shared/src/catalogs.ts). That every key the
// invoice and certificate use exists is checked by typecheck (keys are typed from nl.json) and by texts.test.ts.
const catalogs = { nl, en }

test('nl and en have the same keys', () => {
  expect(keyProblems(catalogs)).toEqual([])
})

test('interpolation placeholders match between languages', () => {
  expect(placeholderProblems(catalogs)).toEqual([])
})

test('no empty strings, no malformed placeholders', () => {
  expect(textProblems(catalogs)).toEqual([])
})
