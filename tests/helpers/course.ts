import { seedCourse } from '@jouwbot/api/courses'
import type { AppDeps } from '@jouwbot/api'
import { mediaDir, premiumCursus } from '@jouwbot/course-content'
import { and, asc, courses, eq, lessons } from '@jouwbot/db'
import { testStorage } from './deps.ts'

export const COURSE = premiumCursus.slug

/** Seeds the Premium Cursus into this test's database and returns its id and lessons in order. */
export async function seedPremiumCursus(deps: AppDeps) {
  await seedCourse(deps, premiumCursus, { mediaDir, storage: testStorage })
  const [course] = await deps.db.select().from(courses).where(eq(courses.slug, COURSE))
  const rows = await deps.db.select().from(lessons).where(and(eq(lessons.courseId, course!.id))).orderBy(asc(lessons.position))
  return { course: course!, lessons: rows }
}
