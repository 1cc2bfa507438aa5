import { asc, courseModules, courses, eq, lessons } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'

/** The whole tree as stored: unpublished modules and lessons, storage keys and all. */
export async function getCourseForAdmin(deps: AppDeps, courseSlug: string) {
  const [course] = await deps.db.select().from(courses).where(eq(courses.slug, courseSlug)).limit(1)
  if (!course) throw new AppError('NOT_FOUND', 'course.notFound')
  const [moduleRows, lessonRows] = await Promise.all([
    deps.db.select().from(courseModules).where(eq(courseModules.courseId, course.id)).orderBy(asc(courseModules.position), asc(courseModules.slug)),
    deps.db.select().from(lessons).where(eq(lessons.courseId, course.id)).orderBy(asc(lessons.position), asc(lessons.slug)),
  ])
  return {
    ...course,
    modules: moduleRows.map((module) => ({
      ...module,
      lessons: lessonRows.filter((lesson) => lesson.moduleId === module.id).map(({ courseId: _courseId, ...lesson }) => lesson),
    })),
  }
}
