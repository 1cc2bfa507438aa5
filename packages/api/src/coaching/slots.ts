import { DateTime } from 'luxon'

/**
 * The slot engine: a coach's availability minus bookings minus buffers, within the minimum notice,
 * the horizon and the daily limit. Pure (no database): the caller hands it the coach's rules and the
 * live bookings. Zone arithmetic is Luxon's; a range is wall-clock time in the coach's zone on a given
 * date (09:00–17:00 stays 09:00–17:00 across the daylight-saving changes), a session lasts its
 * duration in real minutes.
 */

export interface WeeklyRange {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
  startMinute: number
  endMinute: number
}

export interface DateOverride {
  /** YYYY-MM-DD in the coach's zone. */
  date: string
  /** Both null: the day is off. */
  startMinute: number | null
  endMinute: number | null
}

export interface SlotRules {
  timeZone: string
  weekly: readonly WeeklyRange[]
  overrides: readonly DateOverride[]
  bufferBeforeMinutes: number
  bufferAfterMinutes: number
  minimumNoticeMinutes: number
  horizonDays: number
  maxSessionsPerDay: number | null
}

export interface Busy {
  startsAt: Date
  endsAt: Date
}

export interface SlotInput {
  rules: SlotRules
  durationMinutes: number
  /** The coach's live bookings (a booking being rescheduled left out: it never counts against itself). */
  coachBookings: readonly Busy[]
  /** The member's own live bookings with any coach: a slot overlapping one is not offered. */
  memberBookings?: readonly Busy[]
  now: Date
}

export interface Slot {
  startsAt: Date
  endsAt: Date
}

export type DayStatus = 'open' | 'full' | 'unavailable'

export interface SlotDay {
  /** YYYY-MM-DD in the coach's zone. */
  date: string
  status: DayStatus
  slots: Slot[]
}

const MINUTE = 60_000

function wallClock(day: DateTime, minute: number): DateTime {
  if (minute >= 1440) return day.plus({ days: 1 }).startOf('day')
  // Wall-clock time on that date; a time skipped by the spring change moves forward (Luxon's rule).
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 })
}

/** The ranges of one date: its overrides if it has any, else the weekday's. */
export function rangesOn(rules: Pick<SlotRules, 'weekly' | 'overrides'>, date: string, weekday: number): { startMinute: number; endMinute: number }[] {
  const overrides = rules.overrides.filter((override) => override.date === date)
  const source = overrides.length > 0 ? overrides : rules.weekly.filter((range) => range.weekday === weekday)
  return source
    .filter((range): range is { startMinute: number; endMinute: number } & typeof range => range.startMinute !== null && range.endMinute !== null)
    .map(({ startMinute, endMinute }) => ({ startMinute, endMinute }))
    .sort((a, b) => a.startMinute - b.startMinute)
}

/** The coach's date (YYYY-MM-DD) on which an instant falls. */
export function coachDate(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!
}

export function computeSlots(input: SlotInput): SlotDay[] {
  const { rules, durationMinutes, now } = input
  const zone = rules.timeZone
  const earliest = now.getTime() + rules.minimumNoticeMinutes * MINUTE
  const latest = now.getTime() + rules.horizonDays * 24 * 60 * MINUTE
  const before = rules.bufferBeforeMinutes * MINUTE
  const after = rules.bufferAfterMinutes * MINUTE
  const duration = durationMinutes * MINUTE
  const coachBusy = input.coachBookings.map((b) => ({ start: b.startsAt.getTime() - before, end: b.endsAt.getTime() + after }))
  const memberBusy = (input.memberBookings ?? []).map((b) => ({ start: b.startsAt.getTime(), end: b.endsAt.getTime() }))
  // Sessions a day: counted by the day's bounds in the coach's zone (binary search over the sorted
  // starts), not by turning every booking into a zoned date.
  const starts = input.coachBookings.map((b) => b.startsAt.getTime()).sort((a, b) => a - b)
  const startsBefore = (ms: number) => {
    let lo = 0
    let hi = starts.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (starts[mid]! < ms) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  const days: SlotDay[] = []
  const first = DateTime.fromJSDate(now, { zone }).startOf('day')
  const last = DateTime.fromMillis(latest, { zone }).startOf('day')
  for (let day = first; day <= last; day = day.plus({ days: 1 }).startOf('day')) {
    const date = day.toISODate()!
    const candidates: Slot[] = []
    for (const range of rangesOn(rules, date, day.weekday)) {
      const rangeStart = wallClock(day, range.startMinute).toMillis()
      const rangeEnd = wallClock(day, range.endMinute).toMillis()
      for (let start = rangeStart; start + duration <= rangeEnd; start += duration) {
        if (start < earliest || start > latest) continue
        candidates.push({ startsAt: new Date(start), endsAt: new Date(start + duration) })
      }
    }
    if (candidates.length === 0) {
      days.push({ date, status: 'unavailable', slots: [] })
      continue
    }
    const sessionsThatDay = rules.maxSessionsPerDay === null ? 0 : startsBefore(day.plus({ days: 1 }).startOf('day').toMillis()) - startsBefore(day.toMillis())
    const dayIsFull = rules.maxSessionsPerDay !== null && sessionsThatDay >= rules.maxSessionsPerDay
    const slots = dayIsFull
      ? []
      : candidates.filter((slot) => {
          const start = slot.startsAt.getTime()
          const end = slot.endsAt.getTime()
          // The new session with its own buffers must not touch a booking with its buffers.
          if (coachBusy.some((busy) => start - before < busy.end && end + after > busy.start)) return false
          return !memberBusy.some((busy) => start < busy.end && end > busy.start)
        })
    days.push({ date, status: slots.length > 0 ? 'open' : 'full', slots })
  }
  return days
}

/** Whether one instant is among the offered slots (the booking service's check before it writes). */
export function isOffered(days: readonly SlotDay[], startsAt: Date): Slot | undefined {
  for (const day of days) {
    const slot = day.slots.find((candidate) => candidate.startsAt.getTime() === startsAt.getTime())
    if (slot) return slot
  }
  return undefined
}

/** True when the zone is one Luxon (the platform's ICU data) knows. */
export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid
}

