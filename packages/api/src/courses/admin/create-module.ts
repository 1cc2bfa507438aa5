import type { UserRow } from '@jouwbot/auth'
import { courseModules, courses, eq, sql } from '@jouwbot/db'
import { type AdminCreateModuleInput } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { auditContent, lockCourseBySlug, withSlugCheck } from './content-helpers.ts'

/** A new module goes last. Empty modules are not shown to members (the outline skips them). */
export async function createModule(deps: AppDeps, admin: UserRow, input: AdminCreateModuleInput) {
  const { courseSlug, ...fields } = input
  const now = deps.clock.now()
  const created = await withSlugCheck(() =>
    deps.db.transaction(async (tx) => {
      const course = await lockCourseBySlug(tx, courseSlug)
      const [last] = await tx
        .select({ position: sql<number>`coalesce(max(${courseModules.position}), -1)`.mapWith(Number) })
        .from(courseModules)
        .where(eq(courseModules.courseId, course.id))
      const [row] = await tx
        .insert(courseModules)
        .values({ ...fields, courseId: course.id, position: (last?.position ?? -1) + 1 })
        .returning()
      await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
      await auditContent(tx, admin, 'admin.module_created', { courseId: course.id, moduleId: row!.id, slug: row!.slug }, now)
      return { module: row!, courseSlug: course.slug }
    }),
  )
  deps.courses.invalidate(created.courseSlug)
  return created.module
}
