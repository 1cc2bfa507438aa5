import type { UserRow } from '@jouwbot/auth'
import { courses, eq, lessons } from '@jouwbot/db'
import { type AdminUpdateLessonInput } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { assertChaptersFit, auditContent, changedFields, withSlugCheck } from './content-helpers.ts'
import { lockLesson } from './lock-lesson.ts'

/** Changes what is sent. Chapters are checked against the duration the lesson ends up with. */
export async function updateLesson(deps: AppDeps, admin: UserRow, input: AdminUpdateLessonInput) {
  const { lessonId, ...changes } = input
  const now = deps.clock.now()
  const updated = await withSlugCheck(() =>
    deps.db.transaction(async (tx) => {
      const { course, lesson } = await lockLesson(tx, lessonId)
      if (changes.chapters !== undefined || changes.durationSeconds !== undefined) {
        assertChaptersFit(changes.chapters ?? lesson.chapters, changes.durationSeconds ?? lesson.durationSeconds)
      }
      const [row] = await tx
        .update(lessons)
        .set({ ...changes, updatedAt: now })
        .where(eq(lessons.id, lessonId))
        .returning()
      await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
      await auditContent(tx, admin, 'admin.lesson_updated', { courseId: course.id, lessonId, fields: changedFields(input, 'lessonId') }, now)
      return { lesson: row!, courseSlug: course.slug }
    }),
  )
  deps.courses.invalidate(updated.courseSlug)
  return updated.lesson
}
