import type { UserRow } from '@jouwbot/auth'
import { courses, eq, lessons } from '@jouwbot/db'
import { type AdminCreateLessonInput } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { assertChaptersFit, auditContent, withSlugCheck } from './content-helpers.ts'
import { lessonIdsInOrder, lockModule } from './lock-module.ts'

/** A new lesson starts unpublished, last in its module. A video is added by upload afterwards. */
export async function createLesson(deps: AppDeps, admin: UserRow, input: AdminCreateLessonInput) {
  const { moduleId, ...fields } = input
  assertChaptersFit(fields.chapters ?? [], fields.durationSeconds ?? 0)
  const now = deps.clock.now()
  const created = await withSlugCheck(() =>
    deps.db.transaction(async (tx) => {
      const { course } = await lockModule(tx, moduleId)
      const position = (await lessonIdsInOrder(tx, moduleId)).length
      const [row] = await tx
        .insert(lessons)
        .values({ ...fields, courseId: course.id, moduleId, published: false, position, updatedAt: now })
        .returning()
      await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
      await auditContent(tx, admin, 'admin.lesson_created', { courseId: course.id, moduleId, lessonId: row!.id, slug: row!.slug }, now)
      return { lesson: row!, courseSlug: course.slug }
    }),
  )
  deps.courses.invalidate(created.courseSlug)
  return created.lesson
}
