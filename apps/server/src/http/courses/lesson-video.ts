import type { Router } from 'express'
import { mediaUrlVerifier } from '@jouwbot/api/courses'
import type { StoredObject } from '@jouwbot/storage'
import { asNodeHandler, asRouter, MEDIA_ANSWER_REUSE_MS, mediaDelivery, sendMediaError, xAccelExpires, type MediaRouteOptions } from './media-delivery.ts'

/**
 * Lesson video delivery: `GET|HEAD /media/lessons/:lessonId/video?u=<userId>&e=<unix s>&s=<sig>`.
 *
 * The lesson page gets a short-lived signed URL (`signMediaUrl`, courses/media) for its `<video src>`;
 * this route checks the signature and expiry, asks `authorize` again on every request — so revoking
 * access stops playback at the player's next range request, not only when the URL expires — and
 * hands the bytes over as `media-delivery.ts` says.
 *
 * With `x-accel` its "yes" also says how long nginx may reuse it for this signed URL
 * (`X-Accel-Expires`, `xAccelExpires`): deploy/nginx asks once per URL per few seconds with
 * `auth_request` and serves the ranges in between itself.
 */
export interface MediaAuthorizer {
  /**
   * The lesson video's storage key, or `null` when the user is not (or no longer) entitled or there is
   * no video. `until` (ms since the epoch): when the authoriser caches its "yes", the end of that
   * reuse; a cache in front (nginx) must not keep it longer. Without it: `MEDIA_ANSWER_REUSE_MS` from now.
   */
  (userId: string, lessonId: string): Promise<{ key: string; until?: number } | null>
}

export interface MediaRouterOptions extends MediaRouteOptions {
  authorize: MediaAuthorizer
}

/**
 * Found objects are remembered this long, so a player's stream of range requests costs one stat (one
 * HEAD on S3) per few seconds rather than one each. Only existence and content type are taken from
 * it: bytes, ETag and Last-Modified always come from the file itself (local-file, nginx, S3). An object
 * deleted meanwhile gives a 404 from there instead of ours for at most this long.
 */
const STAT_CACHE_MS = 5000
const STAT_CACHE_MAX = 1000

const ROUTE = '/media/lessons/:lessonId/video'
const ROUTE_PATTERN = /^\/media\/lessons\/([^/?#]+)\/video(?:\?|$)/

function createHandler(options: MediaRouterOptions) {
  const { storage, authorize, now } = options
  const verify = mediaUrlVerifier(options.secret)
  const { deliver, guarded } = mediaDelivery(options, 'media delivery failed')

  const found = new Map<string, { object: StoredObject; until: number }>()
  async function stat(objectKey: string): Promise<StoredObject | null> {
    const at = now().getTime()
    const cached = found.get(objectKey)
    if (cached && cached.until > at) return cached.object
    const object = await storage.stat(objectKey)
    found.delete(objectKey)
    if (object) {
      if (found.size >= STAT_CACHE_MAX) found.delete(found.keys().next().value!) // oldest first
      found.set(objectKey, { object, until: at + STAT_CACHE_MS })
    }
    return object
  }

  return guarded(async (req, res, url) => {
    const lessonId = ROUTE_PATTERN.exec(url)?.[1] ?? ''
    const queryStart = url.indexOf('?')
    const query = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1))
    const at = now().getTime() // before the check: the "yes" reflects the entitlement at this moment or later
    const userId = verify.video(lessonId, query, new Date(at))
    if (!userId) return sendMediaError(req, res, 403, 'error.forbidden')
    const grant = await authorize(userId, lessonId)
    if (!grant) return sendMediaError(req, res, 403, 'error.forbidden')
    const object = await stat(grant.key)
    if (!object) return sendMediaError(req, res, 404, 'error.notFound')
    // `e` verified above: one integer. Read by nginx's auth cache only (deploy/nginx); nginx never forwards it.
    if (options.delivery === 'x-accel') res.setHeader('X-Accel-Expires', xAccelExpires(at, grant.until ?? at + MEDIA_ANSWER_REUSE_MS, Number(query.get('e'))))
    await deliver(req, res, object, object.contentType)
  })
}

/** The lesson video route as an Express Router: `app.use(mediaRouter(options))`. */
export const mediaRouter = (options: MediaRouterOptions): Router => asRouter(ROUTE, createHandler(options))

/** The lesson video route ahead of Express (`/media/lessons/:lessonId/video`). */
export const mediaHandler = (options: MediaRouterOptions) => asNodeHandler(ROUTE_PATTERN, createHandler(options))
