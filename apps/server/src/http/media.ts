import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { Router } from 'express'
import type { Logger } from 'pino'
import send from 'send'
import { localEtag, type Storage, type StoredObject } from '@jouwbot/storage'

/**
 * Lesson video delivery: `GET|HEAD /media/lessons/:lessonId/video?u=<userId>&e=<unix s>&s=<sig>`.
 *
 * The page that shows a lesson asks `signMediaUrl` for a short-lived URL (the `<video src>`); this
 * route checks the signature and expiry, asks `authorize` again on every request — so revoking
 * access stops playback at the player's next range request, not only when the URL expires — and
 * hands the bytes over in one of three ways:
 *  - `node`: Node streams the local file with `send` (ranges, conditional requests, HEAD);
 *  - `x-accel`: an empty answer with `X-Accel-Redirect`, nginx serves the file (apps/server/deploy/nginx);
 *  - `redirect`: 302 to a presigned S3 URL valid for a few minutes.
 *
 * Two ways to mount the same handler:
 *  - `app.use(mediaRouter(options))` — an Express Router, at the root (its path includes `/media`);
 *  - `mediaHandler(options)` — plain node:http, for `createServer((req, res) => media(req, res) || app(req, res))`.
 *    A player sends one request per range, and Express's own per-request work costs several times
 *    what this route does (bench/media.ts: about 60 µs of 80): in front of Express it is skipped.
 *    Then the app's middlewares (pino-http, helmet) do not run for media either; failures are still
 *    logged through `options.logger`.
 *
 * The signed URL is a bearer capability for one user and lesson until it expires; it is no session.
 * Use a secret of its own for it (not the session secret): the signed message has no purpose prefix.
 */

export interface MediaAuthorizer {
  /** The lesson video's storage key, or `null` when the user is not (or no longer) entitled or there is no video. */
  (userId: string, lessonId: string): Promise<{ key: string } | null>
}

export interface MediaRouterOptions {
  secret: string
  storage: Storage
  authorize: MediaAuthorizer
  now: () => Date
  delivery: 'node' | 'x-accel' | 'redirect'
  /** x-accel only: the nginx `internal` location the key is appended to, e.g. `/_protected_media/`. */
  xAccelPrefix?: string
  /** Where unexpected failures are logged; defaults to pino-http's `req.log` when the app has it. */
  logger?: Logger
}

/** Authorised media may sit in the browser's cache, never in a shared one. */
export const MEDIA_CACHE_CONTROL = 'private, max-age=3600'
/** How long a presigned S3 URL from `redirect` stays valid. */
export const PRESIGNED_SECONDS = 300
/** User and lesson ids are UUIDs or similar: no dots, so `${u}.${l}.${e}` is unambiguous. */
export const ID = /^[A-Za-z0-9_-]{1,64}$/
export const UNIX_SECONDS = /^(0|[1-9][0-9]{0,11})$/ // canonical: no leading zeros, no sign
const MIN_SECRET_LENGTH = 32
/**
 * Found objects are remembered this long, so a player's stream of range requests costs one stat (one
 * HEAD on S3) per few seconds rather than one each. Only existence and content type are taken from
 * it: bytes, ETag and Last-Modified always come from the file itself (`send`, nginx, S3). An object
 * deleted meanwhile gives a 404 from there instead of ours for at most this long.
 */
const STAT_CACHE_MS = 5000
const STAT_CACHE_MAX = 1000

const ROUTE = '/media/lessons/:lessonId/video'
const ROUTE_PATTERN = /^\/media\/lessons\/([^/?#]+)\/video(?:\?|$)/

export function assertSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`the media URL secret must be at least ${MIN_SECRET_LENGTH} characters`)
  }
}

function signature(key: KeyObject | string, userId: string, lessonId: string, expiresUnix: number): string {
  return createHmac('sha256', key).update(`${userId}.${lessonId}.${expiresUnix}`).digest('base64url')
}

/** `/media/lessons/<lessonId>/video?u=<userId>&e=<unix seconds>&s=<sig>` — path and query, no origin. */
export function signMediaUrl(secret: string, input: { userId: string; lessonId: string; expiresAt: Date }): string {
  assertSecret(secret)
  const { userId, lessonId } = input
  if (!ID.test(userId) || !ID.test(lessonId)) throw new Error('userId and lessonId must match [A-Za-z0-9_-]{1,64}')
  const expires = Math.floor(input.expiresAt.getTime() / 1000)
  if (!Number.isSafeInteger(expires) || expires < 0) throw new Error('invalid expiresAt')
  return `/media/lessons/${lessonId}/video?u=${userId}&e=${expires}&s=${signature(secret, userId, lessonId, expires)}`
}

/** The user the URL was signed for, or null when it is malformed, tampered with or expired. */
function verifiedUser(key: KeyObject, lessonId: string, query: URLSearchParams, now: Date): string | null {
  const single = (name: string) => {
    const values = query.getAll(name)
    return values.length === 1 ? values[0]! : null
  }
  const [u, e, s] = [single('u'), single('e'), single('s')]
  if (!ID.test(lessonId) || u === null || !ID.test(u) || e === null || !UNIX_SECONDS.test(e) || s === null) return null
  const expires = Number(e)
  // Compare the canonical encodings, not decoded bytes: base64url decoding ignores stray characters
  // and the unused low bits of the last one, so several strings decode to the same signature.
  const expected = Buffer.from(signature(key, u, lessonId, expires))
  const given = Buffer.from(s)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  if (now.getTime() >= expires * 1000) return null
  return u
}

export type ErrorKey = 'error.forbidden' | 'error.notFound' | 'error.rangeNotSatisfiable' | 'error.preconditionFailed' | 'error.generic'

/** JSON error without anything from the request or the failure in it; never cached. */
export function sendMediaError(req: IncomingMessage, res: ServerResponse, status: number, message: ErrorKey): void {
  for (const name of ['ETag', 'Last-Modified', 'Content-Length', 'Content-Disposition', 'X-Accel-Redirect']) res.removeHeader(name)
  if (status !== 416) res.removeHeader('Content-Range') // 416 keeps `bytes */<size>`
  const body = JSON.stringify({ error: { message } })
  res.statusCode = status
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(body))
  res.end(req.method === 'HEAD' ? undefined : body)
}

/** The request handler shared by `mediaRouter` and `mediaHandler`; `url` is the request's full path + query. */
function createHandler(options: MediaRouterOptions): UrlHandler {
  const { secret, storage, authorize, now, delivery } = options
  assertSecret(secret)
  if (delivery === 'node' && !storage.localPath) throw new Error("delivery 'node' needs a storage with localPath (local disk)")
  if (delivery === 'redirect' && !storage.presignedGetUrl) throw new Error("delivery 'redirect' needs a storage with presignedGetUrl (S3)")
  const xAccelPrefix = options.xAccelPrefix ?? ''
  if (delivery === 'x-accel' && !/^\/[^?#\s]*\/$/.test(xAccelPrefix)) throw new Error("delivery 'x-accel' needs an xAccelPrefix like /_protected_media/")
  const key = createSecretKey(Buffer.from(secret))

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

  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    // pino-http's `req.log` and `req.id` when the app has them (typed loosely: not every program loads its types).
    const { log, id } = req as { log?: Logger; id?: unknown }
    const logger = options.logger ?? log
    logger?.error({ err: error, requestId: id }, 'media delivery failed')
    if (res.headersSent) res.destroy()
    else sendMediaError(req, res, 500, 'error.generic')
  }

  return async (req, res, url) => {
    try {
      res.setHeader('X-Content-Type-Options', 'nosniff')
      const lessonId = ROUTE_PATTERN.exec(url)?.[1] ?? ''
      const queryStart = url.indexOf('?')
      const query = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1))
      const userId = verifiedUser(key, lessonId, query, now())
      if (!userId) return sendMediaError(req, res, 403, 'error.forbidden')
      const grant = await authorize(userId, lessonId)
      if (!grant) return sendMediaError(req, res, 403, 'error.forbidden')
      const object = await stat(grant.key)
      if (!object) return sendMediaError(req, res, 404, 'error.notFound')

      if (delivery === 'redirect') {
        const location = await storage.presignedGetUrl!(object.key, PRESIGNED_SECONDS)
        res.statusCode = 302
        res.setHeader('Cache-Control', 'no-store') // the presigned URL expires: a cached redirect would outlive it
        res.setHeader('Location', location)
        res.end()
        return
      }

      res.setHeader('Cache-Control', MEDIA_CACHE_CONTROL)
      res.setHeader('Content-Type', object.contentType)
      if (delivery === 'x-accel') {
        // nginx takes over (ranges, conditional requests, sendfile) from its `internal` location.
        res.setHeader('X-Accel-Redirect', xAccelPath(xAccelPrefix, object.key))
        res.end()
        return
      }
      serveLocalFile(req, res, storage.localPath!(object.key), (error) => fail(req, res, error))
    } catch (error) {
      fail(req, res, error)
    }
  }
}

/**
 * The nginx-internal path for a storage key. Segments are percent-encoded: nginx decodes the URI,
 * and a `?` would otherwise start a query.
 */
export function xAccelPath(prefix: string, key: string): string {
  return prefix + key.split('/').map(encodeURIComponent).join('/')
}

type UrlHandler = (req: IncomingMessage, res: ServerResponse, url: string) => Promise<void>

/** A media handler as an Express Router (GET routes answer HEAD too); mount it at the root. */
export function asRouter(path: string | RegExp, handle: UrlHandler): Router {
  const router = Router()
  // `req.url`: the path the route matched (relative to any mount point).
  router.get(path, (req, res) => handle(req, res, req.url))
  return router
}

/**
 * A media handler for plain node:http, ahead of Express: returns false (and touches nothing) when the
 * request is not a GET or HEAD matching `pattern`.
 */
export function asNodeHandler(pattern: RegExp, handle: UrlHandler): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = req.url ?? ''
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !pattern.test(url)) return false
    void handle(req, res, url)
    return true
  }
}

/** The lesson video route as an Express Router: `app.use(mediaRouter(options))`. */
export const mediaRouter = (options: MediaRouterOptions): Router => asRouter(ROUTE, createHandler(options))

/** The lesson video route ahead of Express (`/media/lessons/:lessonId/video`). */
export const mediaHandler = (options: MediaRouterOptions) => asNodeHandler(ROUTE_PATTERN, createHandler(options))

/**
 * Streams a local file with `send` (express.static's engine): single byte ranges (`a-b`, `a-`, `-n`) as
 * 206 + Content-Range, 416 with `Content-Range: bytes *\/<size>`, If-None-Match / If-Modified-Since →
 * 304, If-Match / If-Unmodified-Since → 412, If-Range, HEAD without a body. Multiple ranges get the
 * whole file (200), which RFC 9110 allows. The file is pointed at as root = its folder and path = its
 * encoded name, because `send` URL-decodes the path it is given.
 */
export function serveLocalFile(req: IncomingMessage, res: ServerResponse, file: string, onError: (error: unknown) => void): void {
  const stream = send(req, '/' + encodeURIComponent(path.basename(file)), {
    root: path.dirname(file),
    dotfiles: 'allow', // the key was validated by the storage; nothing here comes from the URL
    index: false,
    cacheControl: false, // ours is set already: `send` would say `public`
    // `send` hands its options on to fs.createReadStream: 256 kB reads instead of 64 kB ones took
    // about a fifth off the CPU time per request in bench/media.ts, at up to 256 kB buffered per stream.
    highWaterMark: 256 * 1024,
  } as send.SendOptions)
  // The entity tag comes from the same stat as the bytes sent, in the storage's format.
  stream.on('headers', (response: ServerResponse, _path: string, stats: { size: number; mtime: Date }) => {
    response.setHeader('ETag', localEtag(stats))
  })
  stream.on('directory', () => sendMediaError(req, res, 404, 'error.notFound'))
  stream.on('error', (error: { status?: number }) => {
    if (error.status === 404) sendMediaError(req, res, 404, 'error.notFound') // deleted since the stat
    else if (error.status === 416) sendMediaError(req, res, 416, 'error.rangeNotSatisfiable')
    else if (error.status === 412) sendMediaError(req, res, 412, 'error.preconditionFailed')
    else onError(error)
  })
  stream.pipe(res)
}
