import type { UserRow } from '@jouwbot/auth'
import { AppError } from '@jouwbot/shared'
import superjson from 'superjson'
import type { AppDeps } from '../deps.ts'
import type { Preparable } from '../prepared.ts'
import { seesEveryCourse } from './access.ts'
import { lessonQueries } from './lesson-queries.ts'
import { ANONYMOUS_VIEWER, VIDEO_URL_TTL_MS } from './media/media-gateway.ts'
import { coveredSeconds } from './watched-ranges.ts'

/**
 * One lesson for the player. Locked lessons are refused here (and again by the media route for
 * every byte); free previews are open to everyone, logged in or not.
 */
export async function getLesson(deps: AppDeps, input: { courseSlug: string; lessonSlug: string }, viewer: UserRow | null) {
  const structure = await deps.courses.get(deps.db, input.courseSlug)
  if (!structure) throw new AppError('NOT_FOUND', 'course.notFound')
  const ordered = structure.modules.flatMap((module) => module.lessons.map((lesson) => ({ module, lesson })))
  const index = ordered.findIndex(({ lesson }) => lesson.slug === input.lessonSlug)
  const entry = ordered[index]
  if (!entry) throw new AppError('NOT_FOUND', 'lesson.notFound')
  // One prepared round trip: the lesson, the viewer's progress and whether they are entitled.
  const [found] = await lessonQueries(deps.db).lessonForViewer.execute({ lessonId: entry.lesson.id, userId: viewer?.id ?? null })
  const entitled = entry.lesson.freePreview || (viewer !== null && (seesEveryCourse(viewer) || found?.entitled === true))
  if (!entitled) throw new AppError('FORBIDDEN', 'course.locked')
  if (!found) throw new AppError('NOT_FOUND', 'lesson.notFound')
  const { lesson: row, progress } = found
  const now = deps.clock.now()
  const expiresAt = new Date(now.getTime() + VIDEO_URL_TTL_MS)
  const signed = { viewerId: viewer?.id ?? ANONYMOUS_VIEWER, lessonId: row.id, expiresAt }
  const neighbour = (i: number) => {
    const n = ordered[i]
    return n ? { slug: n.lesson.slug, title: n.lesson.title } : null
  }
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    bodyMarkdown: row.bodyMarkdown,
    durationSeconds: row.durationSeconds,
    freePreview: row.freePreview,
    chapters: row.chapters,
    attachments: row.attachments.map(({ title, fileName }) => ({ title, fileName })),
    captionsVtt: row.captionsKey ? await deps.media.readText(row.captionsKey) : null,
    video: row.videoKey ? { url: deps.media.videoUrl(signed), expiresAt } : null,
    // HLS renditions when they were made (hls.js plays them; the MP4 above stays the fallback).
    hls: row.videoKey && row.hlsKey ? { url: deps.media.hlsUrl(signed) } : null,
    module: { slug: entry.module.slug, title: entry.module.title },
    course: { id: structure.id, slug: structure.slug, title: structure.title },
    previous: neighbour(index - 1),
    next: neighbour(index + 1),
    progress: {
      positionSeconds: progress?.positionSeconds ?? 0,
      watchedPercent: row.durationSeconds > 0 ? Math.min(100, Math.floor((coveredSeconds(progress?.watchedRanges ?? []) / row.durationSeconds) * 100)) : 0,
      watchedRanges: progress?.watchedRanges ?? [],
      completed: progress?.completedAt != null,
    },
  }
}

export type Lesson = Awaited<ReturnType<typeof getLesson>>

/**
 * The lesson as a `Preparable` without an ETag: every answer carries freshly signed video URLs, so
 * no two are the same and none is worth revalidating. `json()` writes superjson's form directly:
 * the lesson's one non-JSON value is the video's `expiresAt` (a Date), so the form is the plain
 * JSON with that date as its ISO string, and superjson's note that it is one. superjson's walk
 * over the whole lesson (Markdown, captions, chapters) was a measurable share of `lesson.get`
 * (bench:cpu). Anything else superjson would annotate (an `undefined`, -0, NaN, a Date where
 * none is expected — data written by hand into a jsonb column) takes superjson itself.
 */
export function preparedLesson(lesson: Lesson): Preparable<Lesson> {
  return { etag: null, value: () => lesson, json: () => lessonJson(lesson) }
}

const VIDEO_DATE_META = ',"meta":{"values":{"video.expiresAt":["Date"]},"v":1}}'

function lessonJson(lesson: Lesson): Buffer {
  const { video, ...rest } = lesson
  if (!isPlainJson(rest) || (video && (!(video.expiresAt instanceof Date) || !isPlainJson(video.url)))) {
    return Buffer.from(JSON.stringify(superjson.serialize(lesson)))
  }
  if (!video) return Buffer.from(`{"json":${JSON.stringify(lesson)}}`)
  const json = JSON.stringify({ ...lesson, video: { url: video.url, expiresAt: video.expiresAt.toISOString() } })
  return Buffer.from(`{"json":${json}${VIDEO_DATE_META}`)
}

/** Values superjson leaves as they are: strings, booleans, null, finite numbers other than -0, and plain arrays and objects of those. */
function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0)
    case 'object': {
      if (value === null) return true
      if (Array.isArray(value)) return value.every(isPlainJson)
      const prototype = Object.getPrototypeOf(value) as unknown
      if (prototype !== Object.prototype && prototype !== null) return false
      for (const key in value) if (!isPlainJson((value as Record<string, unknown>)[key])) return false
      return true
    }
    default:
      return false
  }
}
