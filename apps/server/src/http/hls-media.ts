import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import type { Router } from 'express'
import type { Logger } from 'pino'
import type { Storage } from '@jouwbot/storage'
import { assertSecret, ID, MEDIA_CACHE_CONTROL, PRESIGNED_SECONDS, sendMediaError, serveLocalFile, UNIX_SECONDS, xAccelPath, asNodeHandler, asRouter } from './media.ts'

/**
 * HLS delivery of a lesson video: `GET|HEAD /media/lessons/:lessonId/hls/:token/<path>`, where
 * `token` is `<userId>.<unix s>.<sig>` and `<path>` is `master.m3u8` or `<rendition>/<file>.(m3u8|ts)`,
 * resolved under the folder of the lesson's `hls_key` (what `makeHlsRenditions` wrote).
 *
 * The token sits in the path, not in a query, so the relative URIs inside the playlists
 * (`360p/index.m3u8`, `segment-000.ts`) resolve to URLs that carry it: the playlists are served as
 * stored, never rewritten. Every request checks the signature, the expiry and then — like the video
 * route — asks `authorize` again, so a revoked entitlement stops playback at the next segment.
 *
 * The signed message is `hls.<userId>.<lessonId>.<exp>`: the purpose prefix keeps a video URL's
 * signature (`<userId>.<lessonId>.<exp>`, same secret) from opening this route. Ids have no dots,
 * so neither message can be read as the other.
 *
 * Delivery follows the video route (`node` / `x-accel` / `redirect`), except that in `redirect` mode
 * playlists are streamed through Node: a player resolves a playlist's relative URIs against the URL
 * it finally got it from, which after a redirect would be the presigned S3 URL. Segments redirect.
 */

export interface HlsAuthorizer {
  /** The lesson's master playlist key, or `null` when the user may not (or no longer) watch it or there is none. */
  (userId: string, lessonId: string): Promise<{ hlsKey: string } | null>
}

export interface HlsMediaOptions {
  secret: string
  storage: Storage
  authorize: HlsAuthorizer
  now: () => Date
  delivery: 'node' | 'x-accel' | 'redirect'
  /** x-accel only: the nginx `internal` location the key is appended to, e.g. `/_protected_media/`. */
  xAccelPrefix?: string
  logger?: Logger
}

const ROUTE_PATTERN = /^\/media\/lessons\/([^/?#]+)\/hls\/([^/?#]+)\/([^?#]*)(?:\?.*)?$/
/** The files `makeHlsRenditions` writes, and nothing else (no `..`, no other folders). */
const FILE_PATTERN = /^(?:master\.m3u8|[0-9a-z]+p\/[a-z0-9-]+\.(?:m3u8|ts))$/
const CONTENT_TYPES = { m3u8: 'application/vnd.apple.mpegurl', ts: 'video/mp2t' } as const

function hlsSignature(key: KeyObject | string, userId: string, lessonId: string, expiresUnix: number): string {
  return createHmac('sha256', key).update(`hls.${userId}.${lessonId}.${expiresUnix}`).digest('base64url')
}

/** `/media/lessons/<lessonId>/hls/<u>.<e>.<s>/master.m3u8` — path only, no origin. */
export function signHlsUrl(secret: string, input: { userId: string; lessonId: string; expiresAt: Date }): string {
  assertSecret(secret)
  const { userId, lessonId } = input
  if (!ID.test(userId) || !ID.test(lessonId)) throw new Error('userId and lessonId must match [A-Za-z0-9_-]{1,64}')
  const expires = Math.floor(input.expiresAt.getTime() / 1000)
  if (!Number.isSafeInteger(expires) || expires < 0) throw new Error('invalid expiresAt')
  return `/media/lessons/${lessonId}/hls/${userId}.${expires}.${hlsSignature(secret, userId, lessonId, expires)}/master.m3u8`
}

/** The user the token was signed for, or null when it is malformed, tampered with or expired. */
function verifiedUser(key: KeyObject, lessonId: string, token: string, now: Date): string | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const [u, e, s] = parts as [string, string, string]
  if (!ID.test(lessonId) || !ID.test(u) || !UNIX_SECONDS.test(e) || s === '') return null
  const expires = Number(e)
  // Canonical encodings compared in constant time (see media.ts: base64url decoding is lenient).
  const expected = Buffer.from(hlsSignature(key, u, lessonId, expires))
  const given = Buffer.from(s)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  if (now.getTime() >= expires * 1000) return null
  return u
}

function createHlsHandler(options: HlsMediaOptions): (req: IncomingMessage, res: ServerResponse, url: string) => Promise<void> {
  const { secret, storage, authorize, now, delivery } = options
  assertSecret(secret)
  if (delivery === 'node' && !storage.localPath) throw new Error("delivery 'node' needs a storage with localPath (local disk)")
  if (delivery === 'redirect' && !storage.presignedGetUrl) throw new Error("delivery 'redirect' needs a storage with presignedGetUrl (S3)")
  const xAccelPrefix = options.xAccelPrefix ?? ''
  if (delivery === 'x-accel' && !/^\/[^?#\s]*\/$/.test(xAccelPrefix)) throw new Error("delivery 'x-accel' needs an xAccelPrefix like /_protected_media/")
  const key = createSecretKey(Buffer.from(secret))

  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    const { log, id } = req as { log?: Logger; id?: unknown }
    ;(options.logger ?? log)?.error({ err: error, requestId: id }, 'hls delivery failed')
    if (res.headersSent) res.destroy()
    else sendMediaError(req, res, 500, 'error.generic')
  }

  return async (req, res, url) => {
    try {
      res.setHeader('X-Content-Type-Options', 'nosniff')
      const [, lessonId = '', token = '', file = ''] = ROUTE_PATTERN.exec(url) ?? []
      if (!FILE_PATTERN.test(file)) return sendMediaError(req, res, 404, 'error.notFound')
      const userId = verifiedUser(key, lessonId, token, now())
      if (!userId) return sendMediaError(req, res, 403, 'error.forbidden')
      const grant = await authorize(userId, lessonId)
      if (!grant) return sendMediaError(req, res, 403, 'error.forbidden')
      const folder = grant.hlsKey.slice(0, grant.hlsKey.lastIndexOf('/') + 1)
      const objectKey = folder + file
      const object = await storage.stat(objectKey)
      if (!object) return sendMediaError(req, res, 404, 'error.notFound')
      const playlist = file.endsWith('.m3u8')
      const contentType = playlist ? CONTENT_TYPES.m3u8 : CONTENT_TYPES.ts

      if (delivery === 'redirect' && !playlist) {
        const location = await storage.presignedGetUrl!(object.key, PRESIGNED_SECONDS)
        res.statusCode = 302
        res.setHeader('Cache-Control', 'no-store')
        res.setHeader('Location', location)
        res.end()
        return
      }

      res.setHeader('Cache-Control', MEDIA_CACHE_CONTROL)
      res.setHeader('Content-Type', contentType)
      if (delivery === 'redirect') {
        // A playlist from S3, passed through (a few kB): its relative URIs must resolve against this URL.
        res.statusCode = 200
        res.setHeader('Content-Length', object.size)
        if (req.method === 'HEAD') return void res.end()
        await pipeline(await storage.read(object.key), res)
        return
      }
      if (delivery === 'x-accel') {
        res.setHeader('X-Accel-Redirect', xAccelPath(xAccelPrefix, object.key))
        res.end()
        return
      }
      // `send` keeps the Content-Type set above.
      serveLocalFile(req, res, storage.localPath!(object.key), (error) => fail(req, res, error))
    } catch (error) {
      fail(req, res, error)
    }
  }
}

/** The HLS route as an Express Router: `app.use(hlsMediaRouter(options))`. */
export const hlsMediaRouter = (options: HlsMediaOptions): Router =>
  asRouter(/^\/media\/lessons\/[^/]+\/hls\/[^/]+\/.*/, createHlsHandler(options))

/** The HLS route ahead of Express. */
export const hlsMediaHandler = (options: HlsMediaOptions) => asNodeHandler(ROUTE_PATTERN, createHlsHandler(options))
