import { and, coachProfiles, coachingBookings, coachingSessionTypes, desc, eq, gte, lt, sql, users, type SQL } from '@jouwbot/db'
import type { adminBookingsInput } from '@jouwbot/shared'
import { DateTime } from 'luxon'
import type { z } from 'zod'
import type { AppDeps } from '../deps.ts'
import { recordStaffRead } from '../privacy/record-staff-read.ts'

const ZONE = 'Europe/Amsterdam'

/**
 * All bookings for the admin, newest start first, filtered by coach, status and a date range (whole
 * days in Europe/Amsterdam, both ends included), a page at a time by keyset (start time, id: the order
 * of coaching_bookings_starts_idx) with "load more" — no page numbers, so no count of every booking and
 * no OFFSET: a page costs the same with 50 000 bookings as with ten (bench:scale). The members on the
 * page are personal data read by staff: one audit row each.
 */
export async function listBookingsForAdmin(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  options: { admin: { id: string; role: 'member' | 'coach' | 'admin' }; filters: z.output<typeof adminBookingsInput> },
) {
  const { filters: input } = options
  const where: SQL[] = []
  if (input.coachId) where.push(eq(coachingBookings.coachId, input.coachId))
  if (input.status) where.push(eq(coachingBookings.status, input.status))
  if (input.from) where.push(gte(coachingBookings.startsAt, DateTime.fromISO(input.from, { zone: ZONE }).startOf('day').toJSDate()))
  if (input.to) where.push(lt(coachingBookings.startsAt, DateTime.fromISO(input.to, { zone: ZONE }).plus({ days: 1 }).startOf('day').toJSDate()))
  if (input.cursor) {
    // Read back from the table: the full microsecond precision of starts_at counts.
    where.push(
      sql`(${coachingBookings.startsAt}, ${coachingBookings.id}) < (select c.starts_at, c.id from ${coachingBookings} c where c.id = ${input.cursor})`,
    )
  }
  const condition = where.length > 0 ? and(...where) : undefined
  const rows = await deps.db
    .select({
      booking: coachingBookings,
      memberName: users.firstName,
      memberLastName: users.lastName,
      memberEmail: users.email,
      coachName: coachProfiles.displayName,
      title: coachingSessionTypes.title,
    })
    .from(coachingBookings)
    .innerJoin(users, eq(users.id, coachingBookings.memberId))
    .innerJoin(coachProfiles, eq(coachProfiles.userId, coachingBookings.coachId))
    .innerJoin(coachingSessionTypes, eq(coachingSessionTypes.id, coachingBookings.sessionTypeId))
    .where(condition)
    .orderBy(desc(coachingBookings.startsAt), desc(coachingBookings.id))
    .limit(input.limit + 1)
  const page = rows.slice(0, input.limit)
  await recordStaffRead(
    deps.db,
    { staff: options.admin, subjectUserIds: page.map((row) => row.booking.memberId), action: 'admin.read_coaching_bookings', purpose: 'coaching_administration', details: { count: page.length, more: input.cursor ? 'yes' : 'no' } },
    deps.clock.now(),
  )
  return {
    nextCursor: rows.length > input.limit ? (page.at(-1)?.booking.id ?? null) : null,
    bookings: page.map(({ booking, memberName, memberLastName, memberEmail, coachName, title }) => ({
      id: booking.id,
      coachId: booking.coachId,
      coachName,
      memberName: `${memberName} ${memberLastName}`.trim(),
      memberEmail,
      title,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      status: booking.status,
      credits: booking.credits,
      rescheduleCount: booking.rescheduleCount,
      cancelReason: booking.cancelReason,
      creditReturned: booking.creditReturned,
    })),
  }
}
