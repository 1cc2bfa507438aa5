import type { Router } from 'express'
import { mediaUrlVerifier } from '@jouwbot/api/courses'
import { asNodeHandler, asRouter, mediaDelivery, sendMediaError, type MediaRouteOptions } from './media-delivery.ts'

/**
 * HLS delivery of a lesson video: `GET|HEAD /media/lessons/:lessonId/hls/:token/<path>`, where
 * `token` is `<userId>.<unix s>.<sig>` (`signHlsUrl`, courses/media) and `<path>` is `master.m3u8` or
 * `<rendition>/<file>.(m3u8|ts)`, resolved under the folder of the lesson's `hls_key` (what
 * `makeHlsRenditions` wrote). The playlists are served as stored, never rewritten. Every request
 * checks the signature, the expiry and then — like the video route — asks `authorize` again, so a
 * revoked entitlement stops playback at the next segment.
 *
 * Delivery follows the video route, except that in `redirect` mode playlists are streamed through
 * Node: a player resolves a playlist's relative URIs against the URL it finally got it from, which
 * after a redirect would be the presigned S3 URL. Segments redirect.
 */
export interface HlsAuthorizer {
  /** The lesson's master playlist key, or `null` when the user may not (or no longer) watch it or there is none. */
  (userId: string, lessonId: string): Promise<{ hlsKey: string } | null>
}

export interface HlsMediaOptions extends MediaRouteOptions {
  authorize: HlsAuthorizer
}

const ROUTE_PATTERN = /^\/media\/lessons\/([^/?#]+)\/hls\/([^/?#]+)\/([^?#]*)(?:\?.*)?$/
/** The files `makeHlsRenditions` writes, and nothing else (no `..`, no other folders). */
const FILE_PATTERN = /^(?:master\.m3u8|[0-9a-z]+p\/[a-z0-9-]+\.(?:m3u8|ts))$/
const CONTENT_TYPES = { m3u8: 'application/vnd.apple.mpegurl', ts: 'video/mp2t' } as const

function createHlsHandler(options: HlsMediaOptions) {
  const { storage, authorize, now } = options
  const verify = mediaUrlVerifier(options.secret)
  const { deliver, guarded } = mediaDelivery(options, 'hls delivery failed')

  return guarded(async (req, res, url) => {
    const [, lessonId = '', token = '', file = ''] = ROUTE_PATTERN.exec(url) ?? []
    if (!FILE_PATTERN.test(file)) return sendMediaError(req, res, 404, 'error.notFound')
    const userId = verify.hls(lessonId, token, now())
    if (!userId) return sendMediaError(req, res, 403, 'error.forbidden')
    const grant = await authorize(userId, lessonId)
    if (!grant) return sendMediaError(req, res, 403, 'error.forbidden')
    const folder = grant.hlsKey.slice(0, grant.hlsKey.lastIndexOf('/') + 1)
    const object = await storage.stat(folder + file)
    if (!object) return sendMediaError(req, res, 404, 'error.notFound')
    const playlist = file.endsWith('.m3u8')
    await deliver(req, res, object, playlist ? CONTENT_TYPES.m3u8 : CONTENT_TYPES.ts, playlist)
  })
}

/** The HLS route as an Express Router: `app.use(hlsMediaRouter(options))`. */
export const hlsMediaRouter = (options: HlsMediaOptions): Router =>
  asRouter(/^\/media\/lessons\/[^/]+\/hls\/[^/]+\/.*/, createHlsHandler(options))

/** The HLS route ahead of Express. */
export const hlsMediaHandler = (options: HlsMediaOptions) => asNodeHandler(ROUTE_PATTERN, createHlsHandler(options))
