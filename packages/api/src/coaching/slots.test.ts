import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { computeSlots, type SlotRules } from './slots.ts'

const amsterdam = 'Europe/Amsterdam'
const rules = (overrides: Partial<SlotRules> = {}): SlotRules => ({
  timeZone: amsterdam,
  weekly: [],
  overrides: [],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 0,
  horizonDays: 60,
  maxSessionsPerDay: null,
  ...overrides,
})
const iso = (date: Date) => date.toISOString()
const day = (days: ReturnType<typeof computeSlots>, date: string) => days.find((d) => d.date === date)!

describe('slots across the daylight-saving changes (Europe/Amsterdam)', () => {
  it('keeps 09:00–12:00 at 09:00 local on the last Sunday of March (UTC moves an hour)', () => {
    const days = computeSlots({ rules: rules({ weekly: [{ weekday: 7, startMinute: 540, endMinute: 720 }] }), durationMinutes: 60, coachBookings: [], now: new Date('2026-03-20T12:00:00Z') })
    expect(day(days, '2026-03-22').slots.map((s) => iso(s.startsAt))).toEqual(['2026-03-22T08:00:00.000Z', '2026-03-22T09:00:00.000Z', '2026-03-22T10:00:00.000Z'])
    expect(day(days, '2026-03-29').slots.map((s) => iso(s.startsAt))).toEqual(['2026-03-29T07:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-29T09:00:00.000Z'])
    expect(day(days, '2026-03-28').status).toBe('unavailable')
  })

  it('counts real hours in a night range: 00:00–05:00 holds 4 hours in March and 6 in October', () => {
    const weekly = [{ weekday: 7, startMinute: 0, endMinute: 300 }]
    const spring = computeSlots({ rules: rules({ weekly }), durationMinutes: 60, coachBookings: [], now: new Date('2026-03-27T00:00:00Z') })
    expect(day(spring, '2026-03-29').slots.map((s) => iso(s.startsAt))).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T02:00:00.000Z',
    ])
    const autumn = computeSlots({ rules: rules({ weekly }), durationMinutes: 60, coachBookings: [], now: new Date('2026-10-23T00:00:00Z') })
    expect(day(autumn, '2026-10-25').slots.map((s) => iso(s.startsAt))).toEqual([
      '2026-10-24T22:00:00.000Z',
      '2026-10-24T23:00:00.000Z',
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T03:00:00.000Z',
    ])
  })

  it('keeps 09:00 local on the last Sunday of October and shows it right in New York, whose change comes a week later', () => {
    const days = computeSlots({ rules: rules({ weekly: [{ weekday: 7, startMinute: 540, endMinute: 600 }] }), durationMinutes: 60, coachBookings: [], now: new Date('2026-10-17T00:00:00Z') })
    const [before] = day(days, '2026-10-18').slots
    const [after] = day(days, '2026-10-25').slots
    const [nextWeek] = day(days, '2026-11-01').slots
    expect(iso(before!.startsAt)).toBe('2026-10-18T07:00:00.000Z')
    expect(iso(after!.startsAt)).toBe('2026-10-25T08:00:00.000Z')
    const ny = (d: Date) => DateTime.fromJSDate(d, { zone: 'America/New_York' }).toFormat('HH:mm ZZZZ')
    expect(ny(before!.startsAt)).toBe('03:00 EDT')
    expect(ny(after!.startsAt)).toBe('04:00 EDT')
    expect(ny(nextWeek!.startsAt)).toBe('03:00 EST')
  })
})

describe('what is offered', () => {
  const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 720 }))
  const now = new Date('2026-06-01T06:00:00Z') // Monday 08:00 in Amsterdam

  it('leaves out slots inside the minimum notice and beyond the horizon', () => {
    const days = computeSlots({ rules: rules({ weekly, minimumNoticeMinutes: 24 * 60, horizonDays: 3 }), durationMinutes: 60, coachBookings: [], now })
    expect(day(days, '2026-06-01').status).toBe('unavailable')
    expect(day(days, '2026-06-02').slots[0]!.startsAt.toISOString()).toBe('2026-06-02T07:00:00.000Z')
    expect(days.at(-1)!.date).toBe('2026-06-04')
    // The horizon ends Thursday 08:00 local: that day's 09:00 is past it.
    expect(day(days, '2026-06-04')).toMatchObject({ status: 'unavailable', slots: [] })
    expect(day(days, '2026-06-03').slots).toHaveLength(3)
  })

  it('subtracts bookings with buffers on both sides', () => {
    const booking = { startsAt: new Date('2026-06-02T08:00:00Z'), endsAt: new Date('2026-06-02T09:00:00Z') } // 10:00–11:00 local
    const plain = computeSlots({ rules: rules({ weekly }), durationMinutes: 60, coachBookings: [booking], now })
    expect(day(plain, '2026-06-02').slots.map((s) => iso(s.startsAt))).toEqual(['2026-06-02T07:00:00.000Z', '2026-06-02T09:00:00.000Z'])
    const buffered = computeSlots({ rules: rules({ weekly, bufferAfterMinutes: 15 }), durationMinutes: 60, coachBookings: [booking], now })
    expect(day(buffered, '2026-06-02').status).toBe('full')
    expect(day(buffered, '2026-06-02').slots).toEqual([])
  })

  it('shows a day at its daily maximum as full, and a rescheduled booking left out frees it', () => {
    const booking = { startsAt: new Date('2026-06-03T07:00:00Z'), endsAt: new Date('2026-06-03T08:00:00Z') }
    const full = computeSlots({ rules: rules({ weekly, maxSessionsPerDay: 1 }), durationMinutes: 60, coachBookings: [booking], now })
    expect(day(full, '2026-06-03')).toMatchObject({ status: 'full', slots: [] })
    expect(day(full, '2026-06-04').status).toBe('open')
    const freed = computeSlots({ rules: rules({ weekly, maxSessionsPerDay: 1 }), durationMinutes: 60, coachBookings: [], now })
    expect(day(freed, '2026-06-03').slots).toHaveLength(3)
  })

  it('lets date overrides replace the weekday: a day off, and other hours on one date', () => {
    const days = computeSlots({
      rules: rules({ weekly, overrides: [{ date: '2026-06-02', startMinute: null, endMinute: null }, { date: '2026-06-06', startMinute: 600, endMinute: 660 }] }),
      durationMinutes: 60,
      coachBookings: [],
      now,
    })
    expect(day(days, '2026-06-02').status).toBe('unavailable')
    expect(day(days, '2026-06-06').slots.map((s) => iso(s.startsAt))).toEqual(['2026-06-06T08:00:00.000Z'])
  })

  it('hides slots that overlap the member’s own sessions with another coach', () => {
    const mine = { startsAt: new Date('2026-06-02T07:30:00Z'), endsAt: new Date('2026-06-02T08:00:00Z') }
    const days = computeSlots({ rules: rules({ weekly }), durationMinutes: 60, coachBookings: [], memberBookings: [mine], now })
    expect(day(days, '2026-06-02').slots.map((s) => iso(s.startsAt))).toEqual(['2026-06-02T08:00:00.000Z', '2026-06-02T09:00:00.000Z'])
  })
})
