import type { UserRow } from '@jouwbot/auth'
import { courses, eq, lessons } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'
import { auditContent } from '../admin/content-helpers.ts'
import { lockLesson } from '../admin/lock-lesson.ts'

/**
 * The database side of lesson uploads (the HTTP route streams the bytes into storage first, then
 * calls `attachLessonMedia`; the old object is deleted afterwards when nothing uses it any more).
 */
export type LessonMediaKind = 'video' | 'captions'

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
