import { expect, test } from 'vitest'
import { moved, slugify } from './slugify.ts'

test('slugify makes a valid slug from a Dutch title', () => {
  expect(slugify('Eerste stappen: je bot bouwen')).toBe('eerste-stappen-je-bot-bouwen')
  expect(slugify('  Café & crème — één  ')).toBe('cafe-creme-een')
  expect(slugify('!!!')).toBe('')
  expect(slugify('a'.repeat(119) + ' b')).toBe('a'.repeat(119))
})

test('moved swaps neighbours and refuses the ends', () => {
  expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c'])
  expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b'])
  expect(moved(['a', 'b'], 0, -1)).toBeNull()
  expect(moved(['a', 'b'], 1, 1)).toBeNull()
})
