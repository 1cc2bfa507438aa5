import { and, coachProfiles, coachingBookings, coachingSessionTypes, count, desc, eq, gte, lt, users, type SQL } from '@jouwbot/db'
import type { adminBookingsInput } from '@jouwbot/shared'
import { DateTime } from 'luxon'
import type { z } from 'zod'
import type { AppDeps } from '../deps.ts'
import { recordStaffRead } from '../privacy/record-staff-read.ts'

export const ADMIN_BOOKINGS_PAGE_SIZE = 25
const ZONE = 'Europe/Amsterdam'

/**
 * All bookings for the admin, newest start first, filtered by coach, status and a date range (whole
 * days in Europe/Amsterdam, both ends included), a page at a time. The members on the page are
 * personal data read by staff: one audit row each.
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
  const condition = where.length > 0 ? and(...where) : undefined
  const [total] = await deps.db.select({ n: count() }).from(coachingBookings).where(condition)
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
    .limit(ADMIN_BOOKINGS_PAGE_SIZE)
    .offset((input.page - 1) * ADMIN_BOOKINGS_PAGE_SIZE)
  await recordStaffRead(
    deps.db,
    { staff: options.admin, subjectUserIds: rows.map((row) => row.booking.memberId), action: 'admin.read_coaching_bookings', purpose: 'coaching_administration', details: { count: rows.length, page: input.page } },
    deps.clock.now(),
  )
  return {
    total: total?.n ?? 0,
    page: input.page,
    pageSize: ADMIN_BOOKINGS_PAGE_SIZE,
    bookings: rows.map(({ booking, memberName, memberLastName, memberEmail, coachName, title }) => ({
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
