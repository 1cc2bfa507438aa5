import type { UserRow } from '@jouwbot/auth'
import { courses, eq, lessons } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { auditContent } from './content-helpers.ts'
import { lockLesson } from './lock-lesson.ts'

/**
 * Deletes an unpublished lesson (members' progress on it goes with it). A published lesson has to
 * be unpublished first, so a single click cannot take a live lesson away. Its media stay in storage
 * (the API has no storage handle); the daily `maintenance.sweep-orphaned-media` job deletes them
 * once nothing refers to them (maintenance/sweep-orphaned-media.ts).
 */
export async function deleteLesson(deps: AppDeps, admin: UserRow, lessonId: string) {
  const now = deps.clock.now()
  const courseSlug = await deps.db.transaction(async (tx) => {
    const { course, lesson } = await lockLesson(tx, lessonId)
    if (lesson.published) throw new AppError('CONFLICT', 'admin.lessonPublished')
    await tx.delete(lessons).where(eq(lessons.id, lessonId))
    await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
    await auditContent(
      tx,
      admin,
      'admin.lesson_deleted',
      { courseId: course.id, moduleId: lesson.moduleId, lessonId, slug: lesson.slug, videoKey: lesson.videoKey, captionsKey: lesson.captionsKey },
      now,
    )
    return course.slug
  })
  deps.courses.invalidate(courseSlug)
  return { deleted: true }
}
