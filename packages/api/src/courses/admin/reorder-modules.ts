import type { UserRow } from '@jouwbot/auth'
import { and, courseModules, courses, eq } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'
import { assertSameIds, auditContent, lockCourseBySlug } from './content-helpers.ts'

/** `moduleIds` must be exactly the course's modules, in the new order; positions become 0…n-1. */
export async function reorderModules(deps: AppDeps, admin: UserRow, input: { courseSlug: string; moduleIds: string[] }) {
  const now = deps.clock.now()
  const courseSlug = await deps.db.transaction(async (tx) => {
    const course = await lockCourseBySlug(tx, input.courseSlug)
    const existing = await tx.select({ id: courseModules.id }).from(courseModules).where(eq(courseModules.courseId, course.id))
    assertSameIds(
      existing.map((row) => row.id),
      input.moduleIds,
    )
    for (const [position, id] of input.moduleIds.entries()) {
      await tx
        .update(courseModules)
        .set({ position })
        .where(and(eq(courseModules.id, id), eq(courseModules.courseId, course.id)))
    }
    await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
    await auditContent(tx, admin, 'admin.modules_reordered', { courseId: course.id, moduleIds: input.moduleIds }, now)
    return course.slug
  })
  deps.courses.invalidate(courseSlug)
  return { moduleIds: input.moduleIds }
}
