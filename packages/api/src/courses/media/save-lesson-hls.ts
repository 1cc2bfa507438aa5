import { and, eq, lessons } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'

/** Records HLS renditions, but only while the lesson still plays the video they were made from. */
export async function saveLessonHls(deps: Pick<AppDeps, 'db'>, input: { lessonId: string; videoKey: string; masterKey: string }): Promise<boolean> {
  const saved = await deps.db
    .update(lessons)
    .set({ hlsKey: input.masterKey })
    .where(and(eq(lessons.id, input.lessonId), eq(lessons.videoKey, input.videoKey)))
    .returning({ id: lessons.id })
  return saved.length > 0
}
