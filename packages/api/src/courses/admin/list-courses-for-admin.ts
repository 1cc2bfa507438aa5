import { asc, count, courseModules, courses, lessons, sql } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'

/** Every course, unpublished ones included, with what is in it. */
export async function listCoursesForAdmin(deps: AppDeps) {
  const [rows, moduleCounts, lessonCounts] = await Promise.all([
    deps.db.select().from(courses).orderBy(asc(courses.position), asc(courses.title)),
    deps.db.select({ courseId: courseModules.courseId, modules: count() }).from(courseModules).groupBy(courseModules.courseId),
    deps.db
      .select({
        courseId: lessons.courseId,
        lessons: count(),
        publishedLessons: sql<number>`count(*) filter (where ${lessons.published})`.mapWith(Number),
        videos: sql<number>`count(${lessons.videoKey})`.mapWith(Number),
      })
      .from(lessons)
      .groupBy(lessons.courseId),
  ])
  const modulesOf = new Map(moduleCounts.map((row) => [row.courseId, row.modules]))
  const lessonsOf = new Map(lessonCounts.map((row) => [row.courseId, row]))
  return rows.map((course) => ({
    id: course.id,
    slug: course.slug,
    title: course.title,
    summary: course.summary,
    published: course.published,
    position: course.position,
    updatedAt: course.updatedAt,
    moduleCount: modulesOf.get(course.id) ?? 0,
    lessonCount: lessonsOf.get(course.id)?.lessons ?? 0,
    publishedLessonCount: lessonsOf.get(course.id)?.publishedLessons ?? 0,
    videoCount: lessonsOf.get(course.id)?.videos ?? 0,
  }))
}
