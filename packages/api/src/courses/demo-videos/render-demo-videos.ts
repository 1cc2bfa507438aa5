import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { and, asc, courseModules, courses, eq, lessons, type LessonChapter } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'
import { findTool } from '../media/find-tool.ts'
import { readMp4DurationSeconds } from '../media/mp4-duration.ts'
import type { LessonText, SlideLimits } from './lesson-slides.ts'
import { renderLessonVideo } from './render-lesson-video.ts'

/**
 * The demo course's lesson videos, each made from its own lesson text (render-lesson-video.ts) and
 * put in place of the shared sample video the seed gave it. Run by the `courses.demo-videos` job
 * (never in production: the job checks that), lesson after lesson:
 *
 * - Only lessons still playing a seeded video are touched: their video lies in the course's seed
 *   folder `courses/<course>/videos/` (the 4 samples, or an earlier render). A video an admin uploaded
 *   (`uploads/`) or a lesson without video is never replaced.
 * - Keyed by a hash of the lesson's text (title, summary, body, module title) and the generator's
 *   version: the video is `videos/demo-<lesson>-<hash>.mp4`, its captions `captions/demo-<lesson>-<hash>.nl.vtt`.
 *   A lesson already playing its key is done; an edited text gets a new key and is rendered again.
 * - Resumable: files are written before the lesson points at them (captions first, the MP4 last), so
 *   a crash in between finds the files on the next run and only attaches them. The lesson is updated
 *   only while it still plays the video it had when the render began (an admin's upload meanwhile wins).
 * - The stored duration is read from the MP4 itself (`mvhd`), as for an admin's upload; the chapters
 *   become the slides, the captions the narration. Replaced demo files are left to the daily media
 *   sweep (`maintenance.sweep-orphaned-media`), which deletes what no lesson refers to after 24 h.
 */

/** Bump when the slides, voice or encoding change: every demo video is then rendered again. */
export const DEMO_VIDEO_VERSION = 1

export interface DemoVideoTools {
  ffmpegPath: string
  espeakPath: string
}


/** ffmpeg and espeak-ng on PATH (Debian packages `ffmpeg espeak-ng`), or which of them are missing. */
export function findDemoVideoTools(searchPath = process.env.PATH ?? ''): DemoVideoTools | { missing: string[] } {
  const ffmpegPath = findTool('ffmpeg', searchPath)
  const espeakPath = findTool('espeak-ng', searchPath)
  if (ffmpegPath && espeakPath) return { ffmpegPath, espeakPath }
  return { missing: [...(ffmpegPath ? [] : ['ffmpeg']), ...(espeakPath ? [] : ['espeak-ng'])] }
}

export function lessonTextHash(lesson: LessonText): string {
  return createHash('sha256')
    .update(JSON.stringify([DEMO_VIDEO_VERSION, lesson.title, lesson.summary, lesson.bodyMarkdown, lesson.moduleTitle]))
    .digest('hex')
    .slice(0, 16)
}

export function demoVideoKeys(courseSlug: string, lessonSlug: string, hash: string) {
  return {
    video: `courses/${courseSlug}/videos/demo-${lessonSlug}-${hash}.mp4`,
    captions: `courses/${courseSlug}/captions/demo-${lessonSlug}-${hash}.nl.vtt`,
  }
}

export interface DemoLessonEvent {
  lessonSlug: string
  outcome: 'rendered' | 'attached' | 'changedMeanwhile'
  durationSeconds?: number
  bytes?: number
  ms?: number
}

export type RenderDemoVideosResult =
  | { status: 'noTools'; missing: string[] }
  | { status: 'noCourse' }
  | {
      status: 'done' | 'more'
      /** Rendered now / files found from an interrupted run and attached / already playing their render. */
      rendered: number
      attached: number
      upToDate: number
      /** Lessons with an admin's own video or none: never touched. */
      notDemo: number
      /** Demo lessons left for the next run (time or count budget spent). */
      remaining: number
    }

export interface RenderDemoVideosInput {
  courseSlug: string
  /** ffmpeg and espeak-ng (as `findDemoVideoTools` answers); undefined looks them up, null means there are none (the samples stay). */
  tools?: DemoVideoTools | { missing: string[] } | null
  /** Stop starting new lessons after this many renders (the rest is `remaining`). */
  maxRenders?: number
  /** Stop starting new lessons after this time (ms since the epoch). */
  deadline?: number
  limits?: SlideLimits
  onLesson?: (event: DemoLessonEvent) => void
  /** Ends the run between two steps (the current tool is killed); a lesson whose row was not updated is rendered again next time. */
  signal?: AbortSignal
}

export async function renderDemoLessonVideos(
  deps: Pick<AppDeps, 'db' | 'storage' | 'clock' | 'courses'>,
  input: RenderDemoVideosInput,
): Promise<RenderDemoVideosResult> {
  const found = input.tools === undefined ? findDemoVideoTools() : input.tools
  if (!found) return { status: 'noTools', missing: ['ffmpeg', 'espeak-ng'] }
  if ('missing' in found) return { status: 'noTools', missing: found.missing }
  const tools = found

  const [course] = await deps.db.select({ id: courses.id, title: courses.title }).from(courses).where(eq(courses.slug, input.courseSlug)).limit(1)
  if (!course) return { status: 'noCourse' }
  const rows = await deps.db
    .select({
      id: lessons.id, slug: lessons.slug, title: lessons.title, summary: lessons.summary, bodyMarkdown: lessons.bodyMarkdown,
      videoKey: lessons.videoKey, moduleTitle: courseModules.title,
    })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .where(eq(lessons.courseId, course.id))
    .orderBy(asc(courseModules.position), asc(lessons.position))

  const seedFolder = `courses/${input.courseSlug}/videos/`
  const result = { status: 'done' as 'done' | 'more', rendered: 0, attached: 0, upToDate: 0, notDemo: 0, remaining: 0 }
  for (const lesson of rows) {
    input.signal?.throwIfAborted()
    if (!lesson.videoKey?.startsWith(seedFolder)) {
      result.notDemo += 1
      continue
    }
    const text: LessonText = { title: lesson.title, summary: lesson.summary, bodyMarkdown: lesson.bodyMarkdown, moduleTitle: lesson.moduleTitle }
    const keys = demoVideoKeys(input.courseSlug, lesson.slug, lessonTextHash(text))
    if (lesson.videoKey === keys.video) {
      result.upToDate += 1
      continue
    }
    const budgetSpent = (input.maxRenders !== undefined && result.rendered >= input.maxRenders) || (input.deadline !== undefined && Date.now() >= input.deadline)
    if (budgetSpent) {
      result.remaining += 1
      continue
    }

    const started = Date.now()
    // An interrupted run's files are attached without chapters (they came from the render).
    let chapters: LessonChapter[] = []
    let videoStat = await deps.storage.stat(keys.video)
    const captionsStat = await deps.storage.stat(keys.captions)
    const rendered = !(videoStat && captionsStat)
    if (rendered) {
      const workDir = await mkdtemp(path.join(tmpdir(), 'jb-demo-video-'))
      try {
        const video = await renderLessonVideo({ lesson: text, courseTitle: course.title, workDir, ...tools, limits: input.limits, signal: input.signal })
        chapters = video.chapters
        await deps.storage.write(keys.captions, Readable.from([Buffer.from(video.captions)]), { contentType: 'text/vtt; charset=utf-8', maxBytes: 1024 * 1024 })
        await deps.storage.write(keys.video, createReadStream(video.videoFile), { contentType: 'video/mp4', maxBytes: 512 * 1024 * 1024 })
      } finally {
        await rm(workDir, { recursive: true, force: true })
      }
      videoStat = await deps.storage.stat(keys.video)
    }
    const measured = videoStat ? await readMp4DurationSeconds(deps.storage, keys.video, videoStat.size) : null
    if (measured === null) throw new Error(`demo video ${keys.video} has no readable duration`)
    const durationSeconds = Math.round(measured)

    const now = deps.clock.now()
    const updated = await deps.db
      .update(lessons)
      .set({
        videoKey: keys.video,
        hlsKey: null,
        captionsKey: keys.captions,
        durationSeconds,
        chapters,
        updatedAt: now,
      })
      .where(and(eq(lessons.id, lesson.id), eq(lessons.videoKey, lesson.videoKey)))
      .returning({ id: lessons.id })
    if (updated.length === 0) {
      input.onLesson?.({ lessonSlug: lesson.slug, outcome: 'changedMeanwhile' })
      continue
    }
    deps.courses.invalidate(input.courseSlug)
    if (rendered) result.rendered += 1
    else result.attached += 1
    input.onLesson?.({ lessonSlug: lesson.slug, outcome: rendered ? 'rendered' : 'attached', durationSeconds, bytes: videoStat!.size, ms: Date.now() - started })
  }
  if (result.remaining > 0) result.status = 'more'
  return result
}
