import type { UserRow } from '@jouwbot/auth'
import { and, courses, eq, lessons, or, sql, type DbOrTx } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { auditContent } from './content-helpers.ts'
import { lockLesson } from './manage-lessons.ts'

/**
 * The database side of lesson uploads (the HTTP route streams the bytes into storage first, then
 * calls `attachLessonMedia`; the old object is deleted afterwards when nothing uses it any more).
 */
export type LessonMediaKind = 'video' | 'captions'

/** What the upload route needs to know before it stores anything: the course (for the key prefix). */
export async function findLessonForUpload(deps: Pick<AppDeps, 'db'>, lessonId: string) {
  const [row] = await deps.db
    .select({ id: lessons.id, courseSlug: courses.slug, videoKey: lessons.videoKey, captionsKey: lessons.captionsKey, durationSeconds: lessons.durationSeconds })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(eq(lessons.id, lessonId))
    .limit(1)
  return row ?? null
}

export interface AttachLessonMediaInput {
  lessonId: string
  kind: LessonMediaKind
  /** The freshly stored object. */
  key: string
  size: number
  /** Video only: the duration read from the file; null keeps the duration as entered. */
  durationSeconds?: number | null
}

/**
 * Points the lesson at the new object (and, for a video, the duration read from it), audit-logged
 * in the same transaction; the course's cached structure is dropped after the commit. Throws
 * NOT_FOUND `lesson.notFound` when the lesson was deleted meanwhile.
 */
export async function attachLessonMedia(deps: AppDeps, admin: UserRow, input: AttachLessonMediaInput) {
  const now = deps.clock.now()
  const result = await deps.db.transaction(async (tx) => {
    const { course, lesson } = await lockLesson(tx, input.lessonId)
    const previousKey = input.kind === 'video' ? lesson.videoKey : lesson.captionsKey
    const durationSeconds = input.kind === 'video' && input.durationSeconds != null ? input.durationSeconds : lesson.durationSeconds
    await tx
      .update(lessons)
      .set(input.kind === 'video' ? { videoKey: input.key, hlsKey: null, durationSeconds, updatedAt: now } : { captionsKey: input.key, updatedAt: now })
      .where(eq(lessons.id, lesson.id))
    await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
    await auditContent(
      tx,
      admin,
      input.kind === 'video' ? 'admin.lesson_video_uploaded' : 'admin.lesson_captions_uploaded',
      { courseId: course.id, lessonId: lesson.id, key: input.key, size: input.size, previousKey, ...(input.kind === 'video' ? { durationSeconds } : {}) },
      now,
    )
    return { courseSlug: course.slug, previousKey, durationSeconds }
  })
  deps.courses.invalidate(result.courseSlug)
  return result
}

/** Whether any lesson still refers to `key` (video, captions or an attachment). Seeded videos are shared. */
export async function isStorageKeyInUse(db: DbOrTx, key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: lessons.id })
    .from(lessons)
    .where(or(eq(lessons.videoKey, key), eq(lessons.captionsKey, key), sql`${lessons.attachments} @> ${JSON.stringify([{ key }])}::jsonb`))
    .limit(1)
  return row !== undefined
}

/** Records HLS renditions, but only while the lesson still plays the video they were made from. */
export async function saveLessonHls(deps: Pick<AppDeps, 'db'>, input: { lessonId: string; videoKey: string; masterKey: string }): Promise<boolean> {
  const saved = await deps.db
    .update(lessons)
    .set({ hlsKey: input.masterKey })
    .where(and(eq(lessons.id, input.lessonId), eq(lessons.videoKey, input.videoKey)))
    .returning({ id: lessons.id })
  return saved.length > 0
}
