import type { UserRow } from '@jouwbot/auth'
import { courses, sql } from '@jouwbot/db'
import { type AdminCreateCourseInput } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { auditContent, withSlugCheck } from './content-helpers.ts'

/** A new course starts unpublished, last in the catalogue. */
export async function createCourse(deps: AppDeps, admin: UserRow, input: AdminCreateCourseInput) {
  const now = deps.clock.now()
  const course = await withSlugCheck(() =>
    deps.db.transaction(async (tx) => {
      const [last] = await tx.select({ position: sql<number>`coalesce(max(${courses.position}), -1)`.mapWith(Number) }).from(courses)
      const [row] = await tx
        .insert(courses)
        .values({ ...input, published: false, position: (last?.position ?? -1) + 1, createdAt: now, updatedAt: now })
        .returning()
      await auditContent(tx, admin, 'admin.course_created', { courseId: row!.id, slug: row!.slug }, now)
      return row!
    }),
  )
  deps.courses.invalidate(course.slug)
  return course
}
