import { expect, test } from 'vitest'
import { formatClock, formatLongDate, isoDuration } from './format.ts'

test('video positions read like a player clock', () => {
  expect(formatClock(0)).toBe('0:00')
  expect(formatClock(65.9)).toBe('1:05')
  expect(formatClock(3729)).toBe('1:02:09')
  expect(formatClock(-3)).toBe('0:00')
})

test('durations for <time datetime>', () => {
  expect(isoDuration(0)).toBe('PT0S')
  expect(isoDuration(245)).toBe('PT4M5S')
  expect(isoDuration(3600)).toBe('PT1H')
})

test('long dates are the day in Amsterdam, in the language', () => {
  // 23:30 UTC on 2 March is already 3 March in the Netherlands.
  const date = new Date('2025-03-02T23:30:00Z')
  expect(formatLongDate(date, 'nl')).toBe('3 maart 2025')
  expect(formatLongDate(date, 'en')).toBe('3 March 2025')
})
