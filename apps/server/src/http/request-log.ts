import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler } from 'express'
import type { Logger } from 'pino'

declare module 'http' {
  interface IncomingMessage {
    /** This request's id, also sent back as `X-Request-Id` and in every log line of it. */
    id: string
    /** A child logger with the request id, made the first time a route asks for it. */
    log: Logger
  }
}

/**
 * The request log: an id per request (answered as `X-Request-Id`), `req.log`, and one line when the
 * answer is finished (`error` for 5xx, `info` otherwise) or the client went away first. It replaced
 * pino-http, which built a child logger and serialisers for every request up front; bench:cpu
 * measured that, with helmet's per-request work, at about a fifth of an empty tRPC query's CPU. The
 * line holds the request id, method and the path with its secrets masked (`loggedUrl`) — never
 * cookies or authorisation headers.
 */
export function requestLog(logger: Logger): RequestHandler {
  // One listener for every request of this app (no closure per request): the request is `res.req`.
  function onClose(this: ServerResponse & { [START]?: number }) {
    const req = this.req
    const level = !this.writableFinished ? 'warn' : this.statusCode >= 500 ? 'error' : 'info'
    if (!logger.isLevelEnabled(level)) return
    const fields = { req: { id: req.id, method: req.method, url: loggedUrl((req as { originalUrl?: string }).originalUrl ?? req.url ?? '/') }, res: { statusCode: this.statusCode }, responseTime: Math.round(performance.now() - this[START]!) }
    logger[level](fields, level === 'warn' ? 'request aborted' : level === 'error' ? 'request errored' : 'request completed')
  }
  return (req, res, next) => {
    const id = randomUUID()
    ;(res as { [START]?: number })[START] = performance.now()
    res.setHeader('X-Request-Id', id)
    req.id = id
    ;(req as { [LOGGER]?: Logger })[LOGGER] = logger
    installLogGetter(Object.getPrototypeOf(req) as object)
    res.once('close', onClose)
    next()
  }
}

const START = Symbol('request start')
const LOGGER = Symbol('request logger')
const withLogGetter = new WeakSet<object>()
/**
 * `req.log`: the child logger with the request id, made the first time a route asks for it and then
 * kept on the request. An accessor on the request's prototype (Express's per-app request object),
 * installed once, rather than one defined on every request; a request this log never saw has none
 * (`undefined`), as before.
 */
function installLogGetter(prototype: object): void {
  if (withLogGetter.has(prototype)) return
  withLogGetter.add(prototype)
  Object.defineProperty(prototype, 'log', {
    configurable: true,
    enumerable: false,
    get(this: IncomingMessage & { [LOGGER]?: Logger }) {
      const logger = this[LOGGER]
      if (!logger) return undefined
      const child = logger.child({ reqId: this.id })
      Object.defineProperty(this, 'log', { value: child, configurable: true, writable: true, enumerable: false })
      return child
    },
    set(this: IncomingMessage, value: Logger) {
      Object.defineProperty(this, 'log', { value, configurable: true, writable: true, enumerable: false })
    },
  })
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Token characters (base64url, hex, dotted parts). */
const TOKEN_CHARS = /^[A-Za-z0-9_~.-]{20,}$/
/**
 * A path segment that may be a bearer secret: token characters with a long random-looking run
 * (16+ characters between hyphens, letters and digits mixed). Slugs are words between hyphens.
 */
function looksLikeToken(segment: string): boolean {
  return TOKEN_CHARS.test(segment) && !UUID.test(segment) && segment.split('-').some((run) => run.length >= 16 && /\d/.test(run) && /[A-Za-z]/.test(run))
}

/**
 * The URL as it may be logged. Several links carry their authority in the URL itself (the calendar
 * feed's `<id>.<secret>.ics`, signed mail and download links, signed video URLs): a log reader must
 * not be able to use them. Query values are dropped (names kept), and path segments that look like
 * tokens become `:token`; ids (UUIDs) stay, they grant nothing.
 */
export function loggedUrl(url: string): string {
  const queryAt = url.indexOf('?')
  const path = queryAt === -1 ? url : url.slice(0, queryAt)
  const maskedPath = path
    .split('/')
    .map((segment) => (looksLikeToken(segment) ? ':token' : segment))
    .join('/')
  if (queryAt === -1) return maskedPath
  const names = url
    .slice(queryAt + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=…`)
  return `${maskedPath}?${names.join('&')}`
}
