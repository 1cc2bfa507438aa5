import { asc, courseModules, eq, lessons, type DbOrTx } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import { lockCourseById } from './content-helpers.ts'

/** The module and its course, with the course row locked (module changes are serialised per course). */
export async function lockModule(tx: DbOrTx, moduleId: string) {
  const [found] = await tx.select({ courseId: courseModules.courseId }).from(courseModules).where(eq(courseModules.id, moduleId))
  if (!found) throw new AppError('NOT_FOUND', 'admin.moduleNotFound')
  const course = await lockCourseById(tx, found.courseId)
  const [module] = await tx.select().from(courseModules).where(eq(courseModules.id, moduleId))
  if (!module) throw new AppError('NOT_FOUND', 'admin.moduleNotFound') // deleted while we waited for the lock
  return { course, module }
}

/** The lesson ids of a module in their current order. */
export async function lessonIdsInOrder(tx: DbOrTx, moduleId: string): Promise<string[]> {
  const rows = await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.moduleId, moduleId)).orderBy(asc(lessons.position), asc(lessons.slug))
  return rows.map((row) => row.id)
}
