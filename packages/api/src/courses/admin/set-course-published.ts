import type { UserRow } from '@jouwbot/auth'
import { courses, eq } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'
import { auditContent, lockCourseBySlug } from './content-helpers.ts'

export async function setCoursePublished(deps: AppDeps, admin: UserRow, input: { courseSlug: string; published: boolean }) {
  const now = deps.clock.now()
  const course = await deps.db.transaction(async (tx) => {
    const current = await lockCourseBySlug(tx, input.courseSlug)
    const [row] = await tx.update(courses).set({ published: input.published, updatedAt: now }).where(eq(courses.id, current.id)).returning()
    await auditContent(tx, admin, input.published ? 'admin.course_published' : 'admin.course_unpublished', { courseId: current.id, slug: current.slug }, now)
    return row!
  })
  deps.courses.invalidate(course.slug)
  return course
}
