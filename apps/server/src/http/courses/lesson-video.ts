import type { Router } from 'express'
import { mediaUrlVerifier } from '@jouwbot/api/courses'
import type { StoredObject } from '@jouwbot/storage'
import { asNodeHandler, asRouter, mediaDelivery, sendMediaError, type MediaRouteOptions } from './media-delivery.ts'

/**
 * Lesson video delivery: `GET|HEAD /media/lessons/:lessonId/video?u=<userId>&e=<unix s>&s=<sig>`.
 *
 * The lesson page gets a short-lived signed URL (`signMediaUrl`, courses/media) for its `<video src>`;
 * this route checks the signature and expiry, asks `authorize` again on every request — so revoking
 * access stops playback at the player's next range request, not only when the URL expires — and
 * hands the bytes over as `media-delivery.ts` says.
 */
export interface MediaAuthorizer {
  /** The lesson video's storage key, or `null` when the user is not (or no longer) entitled or there is no video. */
  (userId: string, lessonId: string): Promise<{ key: string } | null>
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
    const userId = verify.video(lessonId, new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1)), now())
    if (!userId) return sendMediaError(req, res, 403, 'error.forbidden')
    const grant = await authorize(userId, lessonId)
    if (!grant) return sendMediaError(req, res, 403, 'error.forbidden')
    const object = await stat(grant.key)
    if (!object) return sendMediaError(req, res, 404, 'error.notFound')
    await deliver(req, res, object, object.contentType)
  })
}

/** The lesson video route as an Express Router: `app.use(mediaRouter(options))`. */
export const mediaRouter = (options: MediaRouterOptions): Router => asRouter(ROUTE, createHandler(options))

/** The lesson video route ahead of Express (`/media/lessons/:lessonId/video`). */
export const mediaHandler = (options: MediaRouterOptions) => asNodeHandler(ROUTE_PATTERN, createHandler(options))
