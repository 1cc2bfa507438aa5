import { and, asc, coachingBookings, coachingSessionTypes, count, eq, gt, inArray, isNotNull, lessonProgress, lessons, sum, users } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { recordAudit } from '../audit/record-audit.ts'

/**
 * The coach's upcoming sessions with what each member has watched. Purpose-bound: only members who
 * booked this coach, and every view is written to the audit log (one row per member shown).
 */
export async function listCoachSessions(deps: Pick<AppDeps, 'db' | 'clock'>, options: { coachId: string }) {
  const now = deps.clock.now()
  const rows = await deps.db
    .select({ booking: coachingBookings, firstName: users.firstName, lastName: users.lastName, title: coachingSessionTypes.title, lessonTitle: lessons.title })
    .from(coachingBookings)
    .innerJoin(users, eq(users.id, coachingBookings.memberId))
    .innerJoin(coachingSessionTypes, eq(coachingSessionTypes.id, coachingBookings.sessionTypeId))
    .leftJoin(lessons, eq(lessons.id, coachingBookings.lessonId))
    .where(and(eq(coachingBookings.coachId, options.coachId), eq(coachingBookings.status, 'booked'), gt(coachingBookings.endsAt, now)))
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
    await deps.db.transaction(async (tx) => {
      for (const memberId of memberIds) {
        await recordAudit(tx, { actorUserId: options.coachId, subjectUserId: memberId, action: 'coaching.progress_viewed', details: { purpose: 'coaching session' } }, now)
      }
    })
  }
  return rows.map(({ booking, firstName, lastName, title, lessonTitle }) => {
    const watched = progress.find((row) => row.userId === booking.memberId)
    return {
      id: booking.id,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      title,
      memberName: `${firstName} ${lastName}`.trim(),
      topic: booking.topic,
      lessonTitle,
      lessonsCompleted: watched?.completed ?? 0,
      lessonsTotal: lessonCount?.n ?? 0,
      minutesWatched: Math.round((watched?.watchedSeconds ?? 0) / 60),
    }
  })
}
