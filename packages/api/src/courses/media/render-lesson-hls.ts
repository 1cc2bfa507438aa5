import type { AppDeps } from '../../deps.ts'
import { findLessonForUpload } from './find-lesson-for-upload.ts'
import { deleteHlsRenditions, makeHlsRenditions } from './hls-renditions.ts'
import { saveLessonHls } from './save-lesson-hls.ts'

export type RenderLessonHlsResult = 'saved' | 'noVideo' | 'noFfmpeg' | 'videoReplaced'

/**
 * The `media.hls` job after an upload: renditions of the lesson's current video, recorded on the
 * lesson only while it still plays that video (an admin may have replaced it meanwhile; the
 * renditions are then deleted again). Without ffmpeg the lesson keeps its MP4 only.
 */
export async function renderLessonHls(
  deps: Pick<AppDeps, 'db' | 'storage'>,
  input: {
    lessonId: string
    ffmpegPath?: string | null
    /** Records the master playlist if the lesson still plays `videoKey` (tests replace it to play an admin replacing the video mid-run). */
    saveMasterKey?: (hls: { lessonId: string; videoKey: string; masterKey: string }) => Promise<boolean>
    /** Kills ffmpeg and rejects (the job runs again). */
    signal?: AbortSignal
  },
): Promise<RenderLessonHlsResult> {
  const saveMasterKey = input.saveMasterKey ?? ((hls) => saveLessonHls(deps, hls))
  const lesson = await findLessonForUpload(deps, input.lessonId)
  if (!lesson?.videoKey) return 'noVideo' // deleted, or no video any more
  const masterKey = await makeHlsRenditions({ storage: deps.storage, key: lesson.videoKey, ffmpegPath: input.ffmpegPath, signal: input.signal })
  if (!masterKey) return 'noFfmpeg'
  if (await saveMasterKey({ lessonId: input.lessonId, videoKey: lesson.videoKey, masterKey })) return 'saved'
  await deleteHlsRenditions(deps.storage, masterKey)
  return 'videoReplaced'
}
