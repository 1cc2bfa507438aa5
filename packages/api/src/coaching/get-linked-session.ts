import { coachProfiles, coachingBookings, coachingMemberSettings, coachingSessionTypes, eq } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { linkMatches, parseSessionLink } from './session-link.ts'

/**
 * What a signed mail link opens without logging in: the one session it was made for (as the member
 * sees it, location included) and the member's time zone. Anything else — tampered, used, expired —
 * is "not found".
 */
export async function getLinkedSession(deps: Pick<AppDeps, 'db' | 'clock' | 'pseudonymize'>, options: { token: string }) {
  const parsed = parseSessionLink(options.token)
  if (!parsed) throw new AppError('NOT_FOUND', 'coaching.linkInvalid')
  const [row] = await deps.db
    .select({ booking: coachingBookings, coach: coachProfiles, title: coachingSessionTypes.title, timeZone: coachingMemberSettings.timeZone })
    .from(coachingBookings)
    .innerJoin(coachProfiles, eq(coachProfiles.userId, coachingBookings.coachId))
    .innerJoin(coachingSessionTypes, eq(coachingSessionTypes.id, coachingBookings.sessionTypeId))
    .leftJoin(coachingMemberSettings, eq(coachingMemberSettings.userId, coachingBookings.memberId))
    .where(eq(coachingBookings.id, parsed.bookingId))
  if (!row || !linkMatches(deps, options.token, row.booking, deps.clock.now())) throw new AppError('NOT_FOUND', 'coaching.linkInvalid')
  const { booking, coach } = row
  return {
    booking,
    session: {
      id: booking.id,
      coachId: booking.coachId,
      sessionTypeId: booking.sessionTypeId,
      title: row.title,
      coachName: coach.displayName,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      status: booking.status,
      topic: booking.topic,
      credits: booking.credits,
      rescheduleCount: booking.rescheduleCount,
      maxReschedules: coach.maxReschedules,
      cancelWindowHours: coach.cancelWindowHours,
      location: coach.locationDetail,
      locationKind: coach.locationKind,
      sharedSummary: booking.sharedSummary,
      timeZone: row.timeZone ?? coach.timeZone,
    },
  }
}
