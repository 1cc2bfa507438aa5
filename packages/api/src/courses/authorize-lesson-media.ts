import type { UserRow } from '@jouwbot/auth'
import { eq, lessons } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { findUserById } from '../auth/users.ts'
import { hasCourseAccess } from './access.ts'
import { ANONYMOUS_VIEWER } from './media/media-gateway.ts'

/** Whether this viewer may watch the lesson's media now: published, and a free preview or entitled. */
async function mayWatch(deps: AppDeps, viewerId: string, row: { courseId: string; freePreview: boolean; published: boolean }): Promise<boolean> {
  if (!row.published) return false
  if (row.freePreview) return true
  if (viewerId === ANONYMOUS_VIEWER) return false
  const user = await findUserById(deps.db, viewerId)
  return hasCourseAccess(deps.db, user ?? null, row.courseId)
}

async function lessonMedia(deps: AppDeps, lessonId: string) {
  const [row] = await deps.db
    .select({ videoKey: lessons.videoKey, hlsKey: lessons.hlsKey, courseId: lessons.courseId, freePreview: lessons.freePreview, published: lessons.published })
    .from(lessons)
    .where(eq(lessons.id, lessonId))
    .limit(1)
  return row
}

/** The video route's check: the lesson's video key when this viewer may watch it. */
export async function authorizeLessonVideo(deps: AppDeps, viewerId: string, lessonId: string): Promise<{ key: string } | null> {
  const grant = await authorizeLessonMedia(deps, viewerId, lessonId)
  return grant ? { key: grant.videoKey } : null
}

/** The HLS route's check: the master playlist key when this viewer may watch and there are renditions. */
export async function authorizeLessonHls(deps: AppDeps, viewerId: string, lessonId: string): Promise<{ hlsKey: string } | null> {
  const grant = await authorizeLessonMedia(deps, viewerId, lessonId)
  return grant?.hlsKey ? { hlsKey: grant.hlsKey } : null
}

/** An attachment download: the file's storage key when this viewer may open the lesson. */
export async function authorizeAttachment(deps: AppDeps, viewer: UserRow | null, lessonId: string, fileName: string) {
  const [row] = await deps.db
    .select({ attachments: lessons.attachments, courseId: lessons.courseId, freePreview: lessons.freePreview, published: lessons.published })
    .from(lessons)
    .where(eq(lessons.id, lessonId))
    .limit(1)
  const attachment = row?.published ? row.attachments.find((a) => a.fileName === fileName) : undefined
  if (!row || !attachment) return { status: 'notFound' as const }
  if (!row.freePreview && !(await hasCourseAccess(deps.db, viewer, row.courseId))) return { status: 'forbidden' as const }
  return { status: 'ok' as const, key: attachment.key, fileName: attachment.fileName }
}

/**
 * How long the video and HLS routes may reuse a "yes" for the same viewer and lesson (at most; the
 * reuse ends on a whole second, so 4–5 s). A player asks
 * for one byte range or segment after another (several a second while seeking); checking the
 * entitlement anew for each one cost three queries per request (bench:media). A revoked entitlement
 * stops playback at the first request after this window — behind nginx too (`MEDIA_DELIVERY=x-accel`):
 * the video route's `X-Accel-Expires` lets nginx reuse a "yes" only until the same moment; a "no" is
 * never reused, so access granted a moment ago works at once.
 */
export const VIDEO_DECISION_TTL_MS = 5000

/** What a viewer may fetch of one lesson's media: the MP4 and, when rendered, the HLS master playlist. */
interface LessonMediaGrant {
  videoKey: string
  hlsKey: string | null
}

async function authorizeLessonMedia(deps: AppDeps, viewerId: string, lessonId: string): Promise<LessonMediaGrant | null> {
  const row = await lessonMedia(deps, lessonId)
  if (!row?.videoKey) return null
  return (await mayWatch(deps, viewerId, row)) ? { videoKey: row.videoKey, hlsKey: row.hlsKey } : null
}

/**
 * The video and HLS routes' checks (`authorizeLessonVideo`, `authorizeLessonHls`) with their positive
 * decisions kept for `ttlMs` (by `deps.clock`), per process, keyed by viewer and lesson and shared by
 * both routes. Concurrent requests share one check. The signed URL is still verified on every request
 * by the routes themselves (signature, viewer, expiry).
 */
export function cachedLessonMediaAuthorizer(deps: AppDeps, ttlMs = VIDEO_DECISION_TTL_MS, maxEntries = 10_000) {
  const granted = new Map<string, { until: number; decision: Promise<LessonMediaGrant | null> }>()
  /** The decision and the time (ms, by `deps.clock`) until which it may be reused. */
  const decide = (viewerId: string, lessonId: string): { decision: Promise<LessonMediaGrant | null>; until: number } => {
    const at = deps.clock.now().getTime()
    const cacheKey = `${viewerId}/${lessonId}`
    const hit = granted.get(cacheKey)
    if (hit && hit.until > at) return hit
    granted.delete(cacheKey)
    if (granted.size >= maxEntries) granted.delete(granted.keys().next().value!) // oldest first
    // Ends on a whole second (so 4–5 s): nginx's copy of a "yes" (X-Accel-Expires, whole seconds) then
    // ends with it, and nginx's next question finds a fresh check. Ending mid-second left nginx, for
    // the rest of that second, an answer it may not keep, so every range went to the app (bench:media).
    const entry = { until: Math.floor((at + ttlMs) / 1000) * 1000, decision: authorizeLessonMedia(deps, viewerId, lessonId) }
    granted.set(cacheKey, entry)
    const forget = () => {
      if (granted.get(cacheKey) === entry) granted.delete(cacheKey)
    }
    entry.decision.then((result) => result ?? forget(), forget)
    return entry
  }
  return {
    /** `until`: a cache in front (nginx's, via `X-Accel-Expires`) must not keep this "yes" past it either. */
    video: async (viewerId: string, lessonId: string): Promise<{ key: string; until: number } | null> => {
      const { decision, until } = decide(viewerId, lessonId)
      const grant = await decision
      return grant ? { key: grant.videoKey, until } : null
    },
    hls: async (viewerId: string, lessonId: string): Promise<{ hlsKey: string } | null> => {
      const grant = await decide(viewerId, lessonId).decision
      return grant?.hlsKey ? { hlsKey: grant.hlsKey } : null
    },
  }
}
