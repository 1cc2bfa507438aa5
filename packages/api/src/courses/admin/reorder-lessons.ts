import type { UserRow } from '@jouwbot/auth'
import { courses, eq } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'
import { assertSameIds, auditContent } from './content-helpers.ts'
import { lessonIdsInOrder, lockModule } from './lock-module.ts'
import { writeLessonPositions } from './write-lesson-positions.ts'

/** `lessonIds` must be exactly the module's lessons, in the new order; positions become 0…n-1. */
export async function reorderLessons(deps: AppDeps, admin: UserRow, input: { moduleId: string; lessonIds: string[] }) {
  const now = deps.clock.now()
  const courseSlug = await deps.db.transaction(async (tx) => {
    const { course } = await lockModule(tx, input.moduleId)
    assertSameIds(await lessonIdsInOrder(tx, input.moduleId), input.lessonIds)
    await writeLessonPositions(tx, input.moduleId, input.lessonIds, now)
    await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
    await auditContent(tx, admin, 'admin.lessons_reordered', { courseId: course.id, moduleId: input.moduleId, lessonIds: input.lessonIds }, now)
    return course.slug
  })
  deps.courses.invalidate(courseSlug)
  return { lessonIds: input.lessonIds }
}
