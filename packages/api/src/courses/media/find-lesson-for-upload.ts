import { courses, eq, lessons } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'

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
