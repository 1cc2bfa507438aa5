import { and, asc, coachingBookings, courseModules, courses, eq, lessonProgress, lessons, ne, users } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { recordStaffRead } from '../privacy/record-staff-read.ts'

export interface MemberProgress {
  memberName: string
  lessons: { lessonId: string; courseTitle: string; moduleTitle: string; title: string; durationSeconds: number; watchedSeconds: number; completed: boolean }[]
}

/**
 * A coach opens what one member has watched, lesson by lesson. Purpose-bound: only a member who
 * booked this coach (a live or past session; a cancelled one does not count), otherwise "not found"
 * (the coach learns nothing about who exists). Each view writes a staff-read audit row the member
 * sees under "who looked at my data".
 */
export async function getMemberProgress(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  options: { coach: { id: string; role: 'member' | 'coach' | 'admin' }; memberId: string },
): Promise<MemberProgress> {
  const [booked] = await deps.db
    .select({ id: coachingBookings.id })
    .from(coachingBookings)
    .where(and(eq(coachingBookings.coachId, options.coach.id), eq(coachingBookings.memberId, options.memberId), ne(coachingBookings.status, 'canceled')))
    .limit(1)
  if (!booked || options.memberId === options.coach.id) throw new AppError('NOT_FOUND', 'coaching.memberNotFound')
  const [member] = await deps.db.select({ firstName: users.firstName, lastName: users.lastName }).from(users).where(eq(users.id, options.memberId))
  if (!member) throw new AppError('NOT_FOUND', 'coaching.memberNotFound')
  const rows = await deps.db
    .select({
      lessonId: lessonProgress.lessonId,
      courseTitle: courses.title,
      moduleTitle: courseModules.title,
      title: lessons.title,
      durationSeconds: lessons.durationSeconds,
      watchedSeconds: lessonProgress.watchedSeconds,
      completedAt: lessonProgress.completedAt,
    })
    .from(lessonProgress)
    .innerJoin(lessons, eq(lessons.id, lessonProgress.lessonId))
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(eq(lessonProgress.userId, options.memberId))
    .orderBy(asc(courses.position), asc(courseModules.position), asc(lessons.position))
  await recordStaffRead(
    deps.db,
    { staff: options.coach, subjectUserIds: [options.memberId], action: 'coaching.read_progress', purpose: 'coaching_session', details: { lessons: rows.length } },
    deps.clock.now(),
  )
  return {
    memberName: `${member.firstName} ${member.lastName}`.trim(),
    lessons: rows.map(({ completedAt, watchedSeconds, ...row }) => ({ ...row, watchedSeconds: Math.round(watchedSeconds), completed: completedAt !== null })),
  }
}
