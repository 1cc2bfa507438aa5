import type { UserRow } from '@jouwbot/auth'
import { and, asc, count, courseModules, courses, eq, lessons, sql, type DbOrTx } from '@jouwbot/db'
import { AppError, type AdminCreateModuleInput, type AdminUpdateModuleInput } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { assertSameIds, auditContent, changedFields, lockCourseById, lockCourseBySlug, withSlugCheck } from './content-helpers.ts'

/** The module and its course, with the course row locked (module changes are serialised per course). */
export async function lockModule(tx: DbOrTx, moduleId: string) {
  const [found] = await tx.select({ courseId: courseModules.courseId }).from(courseModules).where(eq(courseModules.id, moduleId))
  if (!found) throw new AppError('NOT_FOUND', 'admin.moduleNotFound')
  const course = await lockCourseById(tx, found.courseId)
  const [module] = await tx.select().from(courseModules).where(eq(courseModules.id, moduleId))
  if (!module) throw new AppError('NOT_FOUND', 'admin.moduleNotFound') // deleted while we waited for the lock
  return { course, module }
}

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

export async function updateModule(deps: AppDeps, admin: UserRow, input: AdminUpdateModuleInput) {
  const { moduleId, ...changes } = input
  const now = deps.clock.now()
  const updated = await withSlugCheck(() =>
    deps.db.transaction(async (tx) => {
      const { course } = await lockModule(tx, moduleId)
      const [row] = await tx.update(courseModules).set(changes).where(eq(courseModules.id, moduleId)).returning()
      await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
      await auditContent(tx, admin, 'admin.module_updated', { courseId: course.id, moduleId, fields: changedFields(input, 'moduleId') }, now)
      return { module: row!, courseSlug: course.slug }
    }),
  )
  deps.courses.invalidate(updated.courseSlug)
  return updated.module
}

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

/** The lesson ids of a module in their current order. */
export async function lessonIdsInOrder(tx: DbOrTx, moduleId: string): Promise<string[]> {
  const rows = await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.moduleId, moduleId)).orderBy(asc(lessons.position), asc(lessons.slug))
  return rows.map((row) => row.id)
}
