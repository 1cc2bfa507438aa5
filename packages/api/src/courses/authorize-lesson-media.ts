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

/** The media route's check, for every request: the lesson's video key when this viewer may watch it. */
export async function authorizeLessonVideo(deps: AppDeps, viewerId: string, lessonId: string): Promise<{ key: string } | null> {
  const row = await lessonMedia(deps, lessonId)
  if (!row?.videoKey) return null
  return (await mayWatch(deps, viewerId, row)) ? { key: row.videoKey } : null
}

/** The HLS route's check, for every playlist and segment: the master playlist key when this viewer may watch. */
export async function authorizeLessonHls(deps: AppDeps, viewerId: string, lessonId: string): Promise<{ hlsKey: string } | null> {
  const row = await lessonMedia(deps, lessonId)
  if (!row?.videoKey || !row.hlsKey) return null
  return (await mayWatch(deps, viewerId, row)) ? { hlsKey: row.hlsKey } : null
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
 * How long the video route may reuse a "yes" for the same viewer and lesson. A player asks for one
 * byte range after another (several a second while seeking); checking the entitlement anew for each
 * one cost three queries per range (bench:media). A revoked entitlement stops playback at the first
 * range request after this window; a "no" is never reused, so access granted a moment ago works at once.
 */
export const VIDEO_DECISION_TTL_MS = 5000

/**
 * `authorizeLessonVideo` with its positive decisions kept for `ttlMs` (by `deps.clock`), per process,
 * keyed by viewer and lesson. Concurrent range requests share one check. The signed URL is still
 * verified on every request by the route itself (signature, viewer, expiry).
 */
export function cachedVideoAuthorizer(deps: AppDeps, ttlMs = VIDEO_DECISION_TTL_MS, maxEntries = 10_000) {
  const granted = new Map<string, { until: number; decision: Promise<{ key: string } | null> }>()
  return (viewerId: string, lessonId: string): Promise<{ key: string } | null> => {
    const at = deps.clock.now().getTime()
    const cacheKey = `${viewerId}/${lessonId}`
    const hit = granted.get(cacheKey)
    if (hit && hit.until > at) return hit.decision
    granted.delete(cacheKey)
    if (granted.size >= maxEntries) granted.delete(granted.keys().next().value!) // oldest first
    const decision = authorizeLessonVideo(deps, viewerId, lessonId)
    granted.set(cacheKey, { until: at + ttlMs, decision })
    const forget = () => {
      if (granted.get(cacheKey)?.decision === decision) granted.delete(cacheKey)
    }
    decision.then((result) => result ?? forget(), forget)
    return decision
  }
}
