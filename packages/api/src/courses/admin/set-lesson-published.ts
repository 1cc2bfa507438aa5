import type { UserRow } from '@jouwbot/auth'
import { courses, eq, lessons } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'
import { auditContent } from './content-helpers.ts'
import { lockLesson } from './lock-lesson.ts'

export async function setLessonPublished(deps: AppDeps, admin: UserRow, input: { lessonId: string; published: boolean }) {
  const now = deps.clock.now()
  const updated = await deps.db.transaction(async (tx) => {
    const { course } = await lockLesson(tx, input.lessonId)
    const [row] = await tx.update(lessons).set({ published: input.published, updatedAt: now }).where(eq(lessons.id, input.lessonId)).returning()
    await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
    await auditContent(tx, admin, input.published ? 'admin.lesson_published' : 'admin.lesson_unpublished', { courseId: course.id, lessonId: input.lessonId }, now)
    return { lesson: row!, courseSlug: course.slug }
  })
  deps.courses.invalidate(updated.courseSlug)
  return updated.lesson
}
