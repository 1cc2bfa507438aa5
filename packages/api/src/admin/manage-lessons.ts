import type { UserRow } from '@jouwbot/auth'
import { courses, eq, lessons, type DbOrTx } from '@jouwbot/db'
import { AppError, type AdminCreateLessonInput, type AdminMoveLessonInput, type AdminUpdateLessonInput } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { assertChaptersFit, assertSameIds, auditContent, changedFields, lockCourseById, withSlugCheck } from './content-helpers.ts'
import { lessonIdsInOrder, lockModule } from './manage-modules.ts'

/** The lesson and its course, with the course row locked. */
export async function lockLesson(tx: DbOrTx, lessonId: string) {
  const [found] = await tx.select({ courseId: lessons.courseId }).from(lessons).where(eq(lessons.id, lessonId))
  if (!found) throw new AppError('NOT_FOUND', 'lesson.notFound')
  const course = await lockCourseById(tx, found.courseId)
  const [lesson] = await tx.select().from(lessons).where(eq(lessons.id, lessonId))
  if (!lesson) throw new AppError('NOT_FOUND', 'lesson.notFound')
  return { course, lesson }
}

async function writePositions(tx: DbOrTx, moduleId: string, lessonIds: readonly string[], now: Date) {
  for (const [position, id] of lessonIds.entries()) {
    await tx.update(lessons).set({ moduleId, position, updatedAt: now }).where(eq(lessons.id, id))
  }
}

/** A new lesson starts unpublished, last in its module. A video is added by upload afterwards. */
export async function createLesson(deps: AppDeps, admin: UserRow, input: AdminCreateLessonInput) {
  const { moduleId, ...fields } = input
  assertChaptersFit(fields.chapters ?? [], fields.durationSeconds ?? 0)
  const now = deps.clock.now()
  const created = await withSlugCheck(() =>
    deps.db.transaction(async (tx) => {
      const { course } = await lockModule(tx, moduleId)
      const position = (await lessonIdsInOrder(tx, moduleId)).length
      const [row] = await tx
        .insert(lessons)
        .values({ ...fields, courseId: course.id, moduleId, published: false, position, updatedAt: now })
        .returning()
      await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
      await auditContent(tx, admin, 'admin.lesson_created', { courseId: course.id, moduleId, lessonId: row!.id, slug: row!.slug }, now)
      return { lesson: row!, courseSlug: course.slug }
    }),
  )
  deps.courses.invalidate(created.courseSlug)
  return created.lesson
}

/** Changes what is sent. Chapters are checked against the duration the lesson ends up with. */
export async function updateLesson(deps: AppDeps, admin: UserRow, input: AdminUpdateLessonInput) {
  const { lessonId, ...changes } = input
  const now = deps.clock.now()
  const updated = await withSlugCheck(() =>
    deps.db.transaction(async (tx) => {
      const { course, lesson } = await lockLesson(tx, lessonId)
      if (changes.chapters !== undefined || changes.durationSeconds !== undefined) {
        assertChaptersFit(changes.chapters ?? lesson.chapters, changes.durationSeconds ?? lesson.durationSeconds)
      }
      const [row] = await tx
        .update(lessons)
        .set({ ...changes, updatedAt: now })
        .where(eq(lessons.id, lessonId))
        .returning()
      await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
      await auditContent(tx, admin, 'admin.lesson_updated', { courseId: course.id, lessonId, fields: changedFields(input, 'lessonId') }, now)
      return { lesson: row!, courseSlug: course.slug }
    }),
  )
  deps.courses.invalidate(updated.courseSlug)
  return updated.lesson
}

export async function setLessonPublished(deps: AppDeps, admin: UserRow, input: { lessonId: string; published: boolean }) {
  const now = deps.clock.now()
  const updated = await deps.db.transaction(async (tx) => {
    const { course } = await lockLesson(tx, input.lessonId)
    const [row] = await tx.update(lessons).set({ published: input.published, updatedAt: now }).where(eq(lessons.id, input.lessonId)).returning()
    await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
    await auditContent(tx, admin, input.published ? 'admin.lesson_published' : 'admin.lesson_unpublished', { courseId: course.id, lessonId: input.lessonId }, now)
    return { lesson: row!, courseSlug: course.slug }
  })
  deps.courses.invalidate(updated.courseSlug)
  return updated.lesson
}

/**
 * Deletes an unpublished lesson (members' progress on it goes with it). A published lesson has to
 * be unpublished first, so a single click cannot take a live lesson away. Its media stay in storage
 * (the API has no storage handle); the daily `maintenance.sweep-orphaned-media` job deletes them
 * once nothing refers to them (maintenance/sweep-orphaned-media.ts).
 */
export async function deleteLesson(deps: AppDeps, admin: UserRow, lessonId: string) {
  const now = deps.clock.now()
  const courseSlug = await deps.db.transaction(async (tx) => {
    const { course, lesson } = await lockLesson(tx, lessonId)
    if (lesson.published) throw new AppError('CONFLICT', 'admin.lessonPublished')
    await tx.delete(lessons).where(eq(lessons.id, lessonId))
    await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
    await auditContent(
      tx,
      admin,
      'admin.lesson_deleted',
      { courseId: course.id, moduleId: lesson.moduleId, lessonId, slug: lesson.slug, videoKey: lesson.videoKey, captionsKey: lesson.captionsKey },
      now,
    )
    return course.slug
  })
  deps.courses.invalidate(courseSlug)
  return { deleted: true }
}

/** `lessonIds` must be exactly the module's lessons, in the new order; positions become 0…n-1. */
export async function reorderLessons(deps: AppDeps, admin: UserRow, input: { moduleId: string; lessonIds: string[] }) {
  const now = deps.clock.now()
  const courseSlug = await deps.db.transaction(async (tx) => {
    const { course } = await lockModule(tx, input.moduleId)
    assertSameIds(await lessonIdsInOrder(tx, input.moduleId), input.lessonIds)
    await writePositions(tx, input.moduleId, input.lessonIds, now)
    await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
    await auditContent(tx, admin, 'admin.lessons_reordered', { courseId: course.id, moduleId: input.moduleId, lessonIds: input.lessonIds }, now)
    return course.slug
  })
  deps.courses.invalidate(courseSlug)
  return { lessonIds: input.lessonIds }
}

/** Moves a lesson to `position` (clamped) in another module of the same course, or within its own. */
export async function moveLesson(deps: AppDeps, admin: UserRow, input: AdminMoveLessonInput) {
  const now = deps.clock.now()
  const courseSlug = await deps.db.transaction(async (tx) => {
    const { course, lesson } = await lockLesson(tx, input.lessonId)
    const { module: target } = await lockModule(tx, input.toModuleId)
    if (target.courseId !== course.id) throw new AppError('NOT_FOUND', 'admin.moduleNotFound')
    const targetIds = (await lessonIdsInOrder(tx, target.id)).filter((id) => id !== lesson.id)
    targetIds.splice(Math.min(input.position, targetIds.length), 0, lesson.id)
    await writePositions(tx, target.id, targetIds, now)
    if (lesson.moduleId !== target.id) await writePositions(tx, lesson.moduleId, await lessonIdsInOrder(tx, lesson.moduleId), now)
    await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
    await auditContent(
      tx,
      admin,
      'admin.lesson_moved',
      { courseId: course.id, lessonId: lesson.id, fromModuleId: lesson.moduleId, toModuleId: target.id, position: targetIds.indexOf(lesson.id) },
      now,
    )
    return course.slug
  })
  deps.courses.invalidate(courseSlug)
  const [moved] = await deps.db.select().from(lessons).where(eq(lessons.id, input.lessonId))
  return moved!
}
