import type { coachProfiles} from '@jouwbot/db';
import { and, asc, coachingAvailability, coachingBookings, coachingDateOverrides, eq, gt, lt, ne, type DbOrTx } from '@jouwbot/db'
import type { Busy, SlotRules } from './slots.ts'

export type CoachProfileRow = typeof coachProfiles.$inferSelect
export type BookingRow = typeof coachingBookings.$inferSelect

/** The rules the slot engine needs, from the coach's profile, weekly schedule and overrides. */
export async function loadSlotRules(db: DbOrTx, coach: CoachProfileRow): Promise<SlotRules> {
  const weekly = await db
    .select({ weekday: coachingAvailability.weekday, startMinute: coachingAvailability.startMinute, endMinute: coachingAvailability.endMinute })
    .from(coachingAvailability)
    .where(eq(coachingAvailability.coachId, coach.userId))
  const overrides = await db
    .select({ date: coachingDateOverrides.date, startMinute: coachingDateOverrides.startMinute, endMinute: coachingDateOverrides.endMinute })
    .from(coachingDateOverrides)
    .where(eq(coachingDateOverrides.coachId, coach.userId))
  return {
    timeZone: coach.timeZone,
    weekly,
    overrides,
    bufferBeforeMinutes: coach.bufferBeforeMinutes,
    bufferAfterMinutes: coach.bufferAfterMinutes,
    minimumNoticeMinutes: coach.minimumNoticeMinutes,
    horizonDays: coach.horizonDays,
    maxSessionsPerDay: coach.maxSessionsPerDay,
  }
}

const DAY = 24 * 60 * 60 * 1000
/** The longest session type (`coaching_session_types_duration`: 10–240 minutes). */
const MAX_SESSION_MINUTES = 240

/**
 * Live (not cancelled) bookings that touch the window from a day before `now` to a day past the
 * horizon, of the coach or of the member, leaving out the booking being moved.
 */
export async function liveBookings(db: DbOrTx, who: { coachId: string } | { memberId: string }, now: Date, horizonDays: number, excludeBookingId?: string): Promise<Busy[]> {
  const owner = 'coachId' in who ? eq(coachingBookings.coachId, who.coachId) : eq(coachingBookings.memberId, who.memberId)
  const rows = await db
    .select({ startsAt: coachingBookings.startsAt, endsAt: coachingBookings.endsAt })
    .from(coachingBookings)
    .where(
      and(
        owner,
        ne(coachingBookings.status, 'canceled'),
        gt(coachingBookings.endsAt, new Date(now.getTime() - DAY)),
        // The same rows (a session lasts at most 240 minutes), but a range the (coach|member, starts_at)
        // index can bound on both sides: past bookings are never read, however many there are.
        gt(coachingBookings.startsAt, new Date(now.getTime() - DAY - MAX_SESSION_MINUTES * 60_000)),
        lt(coachingBookings.startsAt, new Date(now.getTime() + (horizonDays + 2) * DAY)),
        excludeBookingId ? ne(coachingBookings.id, excludeBookingId) : undefined,
      ),
    )
    .orderBy(asc(coachingBookings.startsAt))
  return rows
}
