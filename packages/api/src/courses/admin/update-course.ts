import type { UserRow } from '@jouwbot/auth'
import { courses, eq } from '@jouwbot/db'
import { type AdminUpdateCourseInput } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { auditContent, changedFields, lockCourseBySlug, withSlugCheck } from './content-helpers.ts'

/** Changes what is sent; a new slug moves the course's address (storage keys stay as they are). */
export async function updateCourse(deps: AppDeps, admin: UserRow, input: AdminUpdateCourseInput) {
  const { courseSlug, ...changes } = input
  const now = deps.clock.now()
  const course = await withSlugCheck(() =>
    deps.db.transaction(async (tx) => {
      const current = await lockCourseBySlug(tx, courseSlug)
      const [row] = await tx
        .update(courses)
        .set({ ...changes, updatedAt: now })
        .where(eq(courses.id, current.id))
        .returning()
      await auditContent(tx, admin, 'admin.course_updated', { courseId: current.id, slug: row!.slug, previousSlug: current.slug, fields: changedFields(input, 'courseSlug') }, now)
      return row!
    }),
  )
  deps.courses.invalidate(courseSlug)
  deps.courses.invalidate(course.slug)
  return course
}
