import { errorKeys, validationKeys } from '@jouwbot/shared'
import { keyProblems, placeholderProblems, requiredKeyProblems, textProblems } from '@jouwbot/shared/catalogs'
import { expect, test } from 'vitest'
import en from './en.json'
import nl from './nl.json'

// The same checks as the mail and PDF catalogs (packages/shared/src/catalogs.ts).
const catalogs = { nl, en }

test('nl and en have the same keys', () => {
  expect(keyProblems(catalogs)).toEqual([])
})

test('every key the server can send is translated in both languages', () => {
  expect(requiredKeyProblems(catalogs, [...errorKeys, ...validationKeys])).toEqual([])
})

test('interpolation placeholders match between languages', () => {
  expect(placeholderProblems(catalogs)).toEqual([])
})

test('no empty strings, no malformed placeholders', () => {
  expect(textProblems(catalogs)).toEqual([])
})
