import { afterEach, describe, expect, test } from 'vitest'
import { amsterdamWallClockToDate } from './amsterdamTime.ts'

const iso = (value: string) => amsterdamWallClockToDate(value)?.toISOString()

const amsterdamClock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' })
/** `2026-03-29T03:00` for an instant, as a clock in Amsterdam shows it. */
const amsterdamInput = (instant: number) => amsterdamClock.format(instant).replace(' ', 'T')

const browserTimeZone = process.env.TZ
afterEach(() => {
  if (browserTimeZone === undefined) delete process.env.TZ
  else process.env.TZ = browserTimeZone
})

// The admin's browser may be anywhere; Node reads TZ again whenever it is set.
describe.each(['UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/Amsterdam'])('in a browser set to %s', (timeZone) => {
  test('winter time is UTC+1, summer time UTC+2', () => {
    process.env.TZ = timeZone
    expect(iso('2026-01-15T09:30')).toBe('2026-01-15T08:30:00.000Z')
    expect(iso('2026-12-31T23:59')).toBe('2026-12-31T22:59:00.000Z')
    expect(iso('2026-07-01T12:00')).toBe('2026-07-01T10:00:00.000Z')
    expect(iso('2026-07-01T00:00')).toBe('2026-06-30T22:00:00.000Z')
  })

  test('the last Sunday of March: 02:00 winter time becomes 03:00 summer time', () => {
    process.env.TZ = timeZone
    expect(iso('2026-03-29T00:00')).toBe('2026-03-28T23:00:00.000Z')
    expect(iso('2026-03-29T01:59')).toBe('2026-03-29T00:59:00.000Z')
    expect(iso('2026-03-29T03:00')).toBe('2026-03-29T01:00:00.000Z')
    expect(iso('2026-03-29T23:00')).toBe('2026-03-29T21:00:00.000Z')
    // 02:30 never shows on the clock that night: it is read as 03:30 summer time.
    expect(iso('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z')
  })

  test('the last Sunday of October: 03:00 summer time becomes 02:00 winter time', () => {
    process.env.TZ = timeZone
    expect(iso('2026-10-25T00:00')).toBe('2026-10-24T22:00:00.000Z')
    expect(iso('2026-10-25T01:59')).toBe('2026-10-24T23:59:00.000Z')
    expect(iso('2026-10-25T03:00')).toBe('2026-10-25T02:00:00.000Z')
    expect(iso('2026-10-25T23:00')).toBe('2026-10-25T22:00:00.000Z')
    // 02:30 shows twice that night: the first time, still in summer time.
    expect(iso('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z')
  })
})

test('seconds and milliseconds are kept', () => {
  expect(iso('2026-01-15T09:30:15')).toBe('2026-01-15T08:30:15.000Z')
  expect(iso('2026-07-01T12:00:00.5')).toBe('2026-07-01T10:00:00.500Z')
})

test('empty means no limit; anything else unreadable is an invalid date', () => {
  expect(amsterdamWallClockToDate('')).toBeNull()
  expect(amsterdamWallClockToDate('morgen')?.getTime()).toBeNaN()
  expect(amsterdamWallClockToDate('2026-01-15 09:30')?.getTime()).toBeNaN()
})

test('every half hour of 2026 reads back as the moment it was shown for', () => {
  const halfHour = 30 * 60_000
  for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += halfHour) {
    const shown = amsterdamInput(instant)
    const read = amsterdamWallClockToDate(shown)!.getTime()
    // Only the second pass through October's repeated hour reads as the first.
    if (read !== instant) expect({ shown, read: read - instant }).toEqual({ shown: expect.stringMatching(/^2026-10-25T02:/), read: -3_600_000 })
  }
})
