import { errorKeys, validationKeys } from '@jouwbot/shared'
import { expect, test } from 'vitest'
import en from './en.json'
import nl from './nl.json'

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf)
    }
  } else {
    out.set(prefix, value)
  }
  return out
}

const catalogs = { nl: flatten(nl), en: flatten(en) }

test('nl and en have the same keys', () => {
  expect([...catalogs.en.keys()].sort()).toEqual([...catalogs.nl.keys()].sort())
})

test('every key the server can send is translated in both languages', () => {
  for (const catalog of Object.values(catalogs)) {
    for (const key of [...errorKeys, ...validationKeys]) {
      expect(catalog.get(key), key).toEqual(expect.any(String))
    }
  }
})

test('interpolation placeholders match between languages', () => {
  const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
  for (const [key, text] of catalogs.nl) {
    expect(placeholders(catalogs.en.get(key)), key).toEqual(placeholders(text))
  }
})

test('no empty strings', () => {
  for (const catalog of Object.values(catalogs)) {
    for (const [key, text] of catalog) {
      if (typeof text === 'string') expect(text.trim(), key).not.toBe('')
    }
  }
})
