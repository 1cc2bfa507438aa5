import { expect, test } from 'vitest'
import { matchesSearch, splitMatches } from './search.ts'

test('search ignores case and accents', () => {
  expect(matchesSearch('Een Café-bot bouwen', 'cafe')).toBe(true)
  expect(matchesSearch('Een Café-bot bouwen', 'BOT')).toBe(true)
  expect(matchesSearch('Een Café-bot bouwen', 'pizza')).toBe(false)
  expect(matchesSearch('alles', '  ')).toBe(true)
})

test('splits text into matching and other pieces with the original characters', () => {
  expect(splitMatches('Café en cafe', 'CAFE')).toEqual([
    { text: 'Café', match: true },
    { text: ' en ', match: false },
    { text: 'cafe', match: true },
  ])
  expect(splitMatches('Hallo', '')).toEqual([{ text: 'Hallo', match: false }])
  expect(splitMatches('Hallo', 'x')).toEqual([{ text: 'Hallo', match: false }])
})

test('handles decomposed accents in the source text', () => {
  expect(splitMatches('Cafe\u0301!', 'café')).toEqual([
    { text: 'Cafe\u0301', match: true },
    { text: '!', match: false },
  ])
})
