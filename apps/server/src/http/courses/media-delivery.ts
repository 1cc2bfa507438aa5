import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { Router } from 'express'
import type { Logger } from 'pino'
import type { Storage, StoredObject } from '@jouwbot/storage'
import { serveLocalFile } from '../local-file.ts'

/**
 * What the lesson video and HLS routes share: how authorised bytes leave (`deliver`), their error
 * answers, and the two ways to mount a route:
 *  - `asRouter` — an Express Router, at the root (its path includes `/media`);
 *  - `asNodeHandler` — plain node:http, for `createServer((req, res) => media(req, res) || app(req, res))`.
 *    A player sends one request per range, and Express's own per-request work costs several times
 *    what these routes do (bench/media.ts): in front of Express it is skipped. Then the app's
 *    middlewares (request log, security headers) do not run for media either; failures are still logged.
 *
 * Delivery, one of three ways:
 *  - `node`: Node streams the local file (`http/local-file.ts`: ranges, conditional requests, HEAD);
 *  - `x-accel`: an empty answer with `X-Accel-Redirect`, nginx serves the file (apps/server/deploy/nginx,
 *    which also keeps the video route's "yes" per signed URL for as long as its `X-Accel-Expires` says);
 *  - `redirect`: 302 to a presigned S3 URL valid for a few minutes.
 */
export type MediaDelivery = 'node' | 'x-accel' | 'redirect'

export interface MediaRouteOptions {
  secret: string
  storage: Storage
  now: () => Date
  delivery: MediaDelivery
  /** x-accel only: the nginx `internal` location the key is appended to, e.g. `/_protected_media/`. */
  xAccelPrefix?: string
  /** Where unexpected failures are logged; defaults to the request log's `req.log` when the app has it. */
  logger?: Logger
}

/** Authorised media may sit in the browser's cache, never in a shared one. */
export const MEDIA_CACHE_CONTROL = 'private, max-age=3600'
/** How long a presigned S3 URL from `redirect` stays valid. */
export const PRESIGNED_SECONDS = 300
/** x-accel: the longest nginx may reuse the app's "yes" for one signed video URL (`xAccelExpires`). */
export const MEDIA_ANSWER_REUSE_MS = 5000

/**
 * `X-Accel-Expires` for an x-accel "yes" that nginx caches (deploy/nginx: `auth_request` + `proxy_cache`):
 * `@<unix s>`, the last whole second in which nginx may reuse it. nginx keeps an entry while its clock's
 * current second is at most that number, so the answer is reused only before `untilMs` (the end of the
 * authoriser's own reuse: revocation is not delayed twice) and before the URL's expiry `expiresUnix`
 * (which the app refuses from that second on). `0` (do not cache) when no second is left. Absolute, not
 * relative: a relative lifetime counts from nginx's own whole second, up to 1 s later than ours. It
 * assumes one clock for nginx and the app (same machine, or NTP).
 */
export function xAccelExpires(nowMs: number, untilMs: number, expiresUnix: number): string {
  const last = Math.min(Math.floor(untilMs / 1000), expiresUnix) - 1
  return last < Math.floor(nowMs / 1000) ? '0' : `@${last}`
}

export type MediaErrorKey = 'error.forbidden' | 'error.notFound' | 'error.rangeNotSatisfiable' | 'error.preconditionFailed' | 'error.generic'

/** JSON error without anything from the request or the failure in it; never cached. */
export function sendMediaError(req: IncomingMessage, res: ServerResponse, status: number, message: MediaErrorKey): void {
  for (const name of ['ETag', 'Last-Modified', 'Content-Length', 'Content-Disposition', 'X-Accel-Redirect', 'X-Accel-Expires']) res.removeHeader(name)
  if (status !== 416) res.removeHeader('Content-Range') // 416 keeps `bytes */<size>`
  const body = JSON.stringify({ error: { message } })
  res.statusCode = status
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(body))
  res.end(req.method === 'HEAD' ? undefined : body)
}

/**
 * The nginx-internal path for a storage key. Segments are percent-encoded: nginx decodes the URI,
 * and a `?` would otherwise start a query.
 */
export function xAccelPath(prefix: string, key: string): string {
  return prefix + key.split('/').map(encodeURIComponent).join('/')
}

export type UrlHandler = (req: IncomingMessage, res: ServerResponse, url: string) => Promise<void>

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

/** The delivery of one route: options checked once, then `deliver` per authorised request. */
export function mediaDelivery(options: MediaRouteOptions, failureMessage: string) {
  const { storage, delivery } = options
  if (delivery === 'node' && !storage.localPath) throw new Error("delivery 'node' needs a storage with localPath (local disk)")
  if (delivery === 'redirect' && !storage.presignedGetUrl) throw new Error("delivery 'redirect' needs a storage with presignedGetUrl (S3)")
  const xAccelPrefix = options.xAccelPrefix ?? ''
  if (delivery === 'x-accel' && !/^\/[^?#\s]*\/$/.test(xAccelPrefix)) throw new Error("delivery 'x-accel' needs an xAccelPrefix like /_protected_media/")

  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    // The request log's (http/request-log.ts) `req.log` and `req.id` when the app has them (typed loosely: not every program loads its types).
    const { log, id } = req as { log?: Logger; id?: unknown }
    ;(options.logger ?? log)?.error({ err: error, requestId: id }, failureMessage)
    if (res.headersSent) res.destroy()
    else sendMediaError(req, res, 500, 'error.generic')
  }

  /**
   * Sends `object`. `passThrough`: in redirect mode, stream it through Node instead of redirecting
   * (HLS playlists: their relative URIs must resolve against our URL, not the presigned one).
   */
  const deliver = async (req: IncomingMessage, res: ServerResponse, object: StoredObject, contentType: string, passThrough = false) => {
    if (delivery === 'redirect' && !passThrough) {
      const location = await storage.presignedGetUrl!(object.key, PRESIGNED_SECONDS)
      res.statusCode = 302
      res.setHeader('Cache-Control', 'no-store') // the presigned URL expires: a cached redirect would outlive it
      res.setHeader('Location', location)
      res.end()
      return
    }
    res.setHeader('Cache-Control', MEDIA_CACHE_CONTROL)
    res.setHeader('Content-Type', contentType)
    if (delivery === 'redirect') {
      res.statusCode = 200
      res.setHeader('Content-Length', object.size)
      if (req.method === 'HEAD') return void res.end()
      await pipeline(await storage.read(object.key), res)
      return
    }
    if (delivery === 'x-accel') {
      // nginx takes over (ranges, conditional requests, sendfile) from its `internal` location.
      res.setHeader('X-Accel-Redirect', xAccelPath(xAccelPrefix, object.key))
      res.end()
      return
    }
    const refused = await serveLocalFile(req, res, storage.localPath!(object.key), { contentType, onError: (error) => fail(req, res, error) })
    if (refused === 404) sendMediaError(req, res, 404, 'error.notFound') // deleted since the stat
    else if (refused === 416) sendMediaError(req, res, 416, 'error.rangeNotSatisfiable')
    else if (refused === 412) sendMediaError(req, res, 412, 'error.preconditionFailed')
  }

  /** Runs a route's body with the shared headers and failure handling. */
  const guarded = (body: UrlHandler): UrlHandler => async (req, res, url) => {
    try {
      res.setHeader('X-Content-Type-Options', 'nosniff')
      await body(req, res, url)
    } catch (error) {
      fail(req, res, error)
    }
  }
  return { deliver, guarded }
}
