import { expect, test } from 'vitest'
import { formatClock, formatDecimal, formatLongDate, formatMoney, isoDuration } from './format.ts'

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

test('decimals follow the language', () => {
  expect(formatDecimal(1.5, 'nl')).toBe('1,5')
  expect(formatDecimal(1.25, 'en')).toBe('1.25')
})

test('long dates are the day in Amsterdam, in the language', () => {
  // 23:30 UTC on 2 March is already 3 March in the Netherlands.
  const date = new Date('2025-03-02T23:30:00Z')
  expect(formatLongDate(date, 'nl')).toBe('3 maart 2025')
  expect(formatLongDate(date, 'en')).toBe('3 March 2025')
})

test('one Intl formatter per language and kind, however many prices a page shows', () => {
  const Original = Intl.NumberFormat
  let made = 0
  Intl.NumberFormat = function (...args: ConstructorParameters<typeof Original>) {
    made++
    return new Original(...args)
  } as unknown as typeof Intl.NumberFormat
  try {
    const prices = [26730, 9900, 100, 26730].map((cents) => formatMoney(cents, 'nl'))
    expect(prices[0]).toMatch(/^€\s?267,30$/)
    formatMoney(9900, 'en')
    formatMoney(9900, 'en')
    // At most one new formatter per language (none if an earlier test made them already).
    expect(made).toBeLessThanOrEqual(2)
  } finally {
    Intl.NumberFormat = Original
  }
})
