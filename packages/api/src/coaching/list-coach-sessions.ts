import { and, asc, coachingBookings, coachingSessionTypes, count, eq, gt, inArray, isNotNull, lessonProgress, lessons, ne, or, sum, users } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { recordStaffRead } from '../privacy/record-staff-read.ts'

const RECENT_DAYS = 30

/**
 * The coach's sessions still to be held or still to be marked (held / no-show), and those of the last
 * 30 days with their notes, with what each
 * member has watched. Purpose-bound: only members who booked this coach, and every view is written
 * to the audit log as a staff read (one row per member shown, purpose `coaching_session`).
 */
export async function listCoachSessions(deps: Pick<AppDeps, 'db' | 'clock'>, options: { coach: { id: string; role: 'member' | 'coach' | 'admin' } }) {
  const now = deps.clock.now()
  const rows = await deps.db
    .select({ booking: coachingBookings, firstName: users.firstName, lastName: users.lastName, title: coachingSessionTypes.title, lessonTitle: lessons.title })
    .from(coachingBookings)
    .innerJoin(users, eq(users.id, coachingBookings.memberId))
    .innerJoin(coachingSessionTypes, eq(coachingSessionTypes.id, coachingBookings.sessionTypeId))
    .leftJoin(lessons, eq(lessons.id, coachingBookings.lessonId))
    .where(
      and(
        eq(coachingBookings.coachId, options.coach.id),
        // Still to be held or marked, and the last 30 days' marked sessions (notes are written after).
        or(eq(coachingBookings.status, 'booked'), and(ne(coachingBookings.status, 'canceled'), gt(coachingBookings.startsAt, new Date(now.getTime() - RECENT_DAYS * 24 * 3_600_000)))),
      ),
    )
    .orderBy(asc(coachingBookings.startsAt))
    .limit(200)
  const memberIds = [...new Set(rows.map((row) => row.booking.memberId))]
  const progress = memberIds.length
    ? await deps.db
        .select({ userId: lessonProgress.userId, completed: count(lessonProgress.completedAt), watchedSeconds: sum(lessonProgress.watchedSeconds).mapWith(Number) })
        .from(lessonProgress)
        .where(inArray(lessonProgress.userId, memberIds))
        .groupBy(lessonProgress.userId)
    : []
  const [lessonCount] = await deps.db.select({ n: count() }).from(lessons).where(isNotNull(lessons.id))
  if (memberIds.length > 0) {
    await recordStaffRead(deps.db, { staff: options.coach, subjectUserIds: memberIds, action: 'coaching.read_sessions', purpose: 'coaching_session', details: { sessions: rows.length } }, now)
  }
  return rows.map(({ booking, firstName, lastName, title, lessonTitle }) => {
    const watched = progress.find((row) => row.userId === booking.memberId)
    return {
      id: booking.id,
      memberId: booking.memberId,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      /** Started: the coach can mark how it went. */
      started: booking.startsAt <= now,
      title,
      memberName: `${firstName} ${lastName}`.trim(),
      topic: booking.topic,
      lessonTitle,
      rescheduleCount: booking.rescheduleCount,
      status: booking.status,
      coachNote: booking.coachNote,
      sharedSummary: booking.sharedSummary,
      lessonsCompleted: watched?.completed ?? 0,
      lessonsTotal: lessonCount?.n ?? 0,
      minutesWatched: Math.round((watched?.watchedSeconds ?? 0) / 60),
    }
  })
}
