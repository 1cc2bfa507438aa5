import type { UserRow } from '@jouwbot/auth'
import { asc, count, courseModules, courses, eq, lessons, sql } from '@jouwbot/db'
import { AppError, type AdminCreateCourseInput, type AdminUpdateCourseInput } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { auditContent, changedFields, lockCourseBySlug, withSlugCheck } from './content-helpers.ts'

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
