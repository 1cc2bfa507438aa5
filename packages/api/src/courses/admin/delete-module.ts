import type { UserRow } from '@jouwbot/auth'
import { count, courseModules, courses, eq, lessons } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { auditContent } from './content-helpers.ts'
import { lockModule } from './lock-module.ts'

/**
 * Only an empty module can be deleted: deleting one with lessons would silently take the lessons
 * and the members' progress on them along (the foreign keys cascade). Move or delete them first.
 */
export async function deleteModule(deps: AppDeps, admin: UserRow, moduleId: string) {
  const now = deps.clock.now()
  const courseSlug = await deps.db.transaction(async (tx) => {
    const { course, module } = await lockModule(tx, moduleId)
    const [inside] = await tx.select({ lessons: count() }).from(lessons).where(eq(lessons.moduleId, moduleId))
    if ((inside?.lessons ?? 0) > 0) throw new AppError('CONFLICT', 'admin.moduleNotEmpty')
    await tx.delete(courseModules).where(eq(courseModules.id, moduleId))
    await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
    await auditContent(tx, admin, 'admin.module_deleted', { courseId: course.id, moduleId, slug: module.slug }, now)
    return course.slug
  })
  deps.courses.invalidate(courseSlug)
  return { deleted: true }
}
