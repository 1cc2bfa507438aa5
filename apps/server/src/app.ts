import type { IncomingMessage, ServerResponse } from 'node:http'
import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler, type Response, type Router } from 'express'
import type { Logger } from 'pino'
import type { AppDeps } from '@jouwbot/api'
import { csrfGuard } from './http/csrf.ts'
import { errorHandler, notFound, sendError } from './http/errors.ts'
import { healthz } from './http/healthz.ts'
import { requestLog } from './http/request-log.ts'
import { securityHeaders } from './http/security-headers.ts'
import { trpcHandler } from './http/trpc.ts'
import { webClient } from './http/web-client.ts'

export interface AppOptions {
  deps: AppDeps
  logger: Logger
  pingDb: () => Promise<void>
  /** The built web client (apps/web/dist); API-only when null. */
  webDist: string | null
  trustProxy?: number | string | undefined
  /** Plain HTTP routes of the domains (compose.ts; the lesson video routes run ahead of Express). */
  routes?: Router[]
  /** Routes called by other servers (Mollie), mounted before the CSRF guard. */
  webhooks?: Router[]
  /** Origins a form may be sent to besides our own (Mollie's checkout, after our 303). */
  formOrigins?: string[] | undefined
  /** Extra origins for `media-src` (presigned S3 URLs when media lives in S3). */
  mediaOrigins?: string[] | undefined
}

/** The Express part of the HTTP surface, without listening; `composeServer` puts it together with the rest. */
export function createApp({ deps, logger, pingDb, webDist, trustProxy = 0, routes = [], webhooks = [], formOrigins = [], mediaOrigins = [] }: AppOptions): Express {
  const app = express()
  const secure = deps.appOrigin.startsWith('https://')
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxy)

  const log = requestLog(logger)
  const headers = securityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        // hls.js fetches playlists and segments (following S3 redirects for segments) and runs its
        // transmuxer in a Worker made from a blob: URL.
        connectSrc: ["'self'", ...mediaOrigins],
        workerSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'blob:', ...mediaOrigins],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'", ...formOrigins],
        frameAncestors: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: secure,
  })
  // tRPC first (most requests are tRPC calls: the fewer layers ahead of it, the less each costs),
  // behind the same CSRF guard as every other route. The request log, the security headers and
  // the /trpc dispatch are one Express layer: each layer is a measurable part of an empty query.
  const csrf = csrfGuard(deps.appOrigin)
  const trpc = trpcHandler(deps, logger, secure)
  const trpcRoute: RequestHandler = (req, res, next) =>
    csrf(req, res, (error?: unknown) => {
      if (error) return next(error)
      // Only JSON bodies: form encodings are what a cross-site <form> can send.
      if (req.method === 'POST' && !req.is('application/json')) return sendError(req, res, 415, 'error.unsupportedMediaType')
      trpc(req, res, next)
    })
  const front: RequestHandler = (req, res, next) => {
    log(req, res, () => {
      headers(req, res, () => (isTrpcPath(req.url) ? trpcRoute(req, res, next) : next()))
    })
  }
  app.use(front)
  app.get('/healthz', healthz(pingDb))
  // Webhooks (Mollie) come before the CSRF guard: they are authenticated by re-fetching from Mollie.
  for (const webhook of webhooks) app.use(webhook)
  app.use(csrf)
  for (const route of routes) app.use(route)
  if (webDist) app.use(webClient(webDist, deps))
  app.use(notFound)
  const onError = errorHandler(logger)
  app.use(onError)
  skipRouterForTrpc(app, front, onError)
  return app
}

type Handle = (req: IncomingMessage, res: ServerResponse, callback?: (error?: unknown) => void) => void

/**
 * A /trpc request goes straight to the first layer (`front`: request log, security headers, CSRF
 * guard, tRPC), without Express's router: its per-request work (the final handler, the layer
 * walk, URL parsing for each layer) was a measurable share of an empty query (bench:cpu). What the
 * route sees is what the router gave it: Express's request and response (prototypes, `req.res`,
 * `res.req`, `res.locals`), `req.originalUrl` and `req.baseUrl`; and what the router would do after
 * it is done here too: an error (passed on or thrown) goes to the app's error handler, the last
 * layer. The tRPC route never passes a request on without an error; if it did, the router's later
 * layers would find no /trpc route either, so it gets the same 404.
 */
function skipRouterForTrpc(app: Express, front: RequestHandler, onError: ErrorRequestHandler): void {
  const viaRouter = (app as unknown as { handle: Handle }).handle
  const handle: Handle = function (this: Express, incoming, outgoing, callback) {
    if (!isTrpcPath(incoming.url ?? '')) return viaRouter.call(this, incoming, outgoing, callback)
    const req = incoming as Request
    const res = outgoing as Response
    req.res = res
    res.req = req
    Object.setPrototypeOf(req, app.request)
    Object.setPrototypeOf(res, app.response)
    res.locals ??= Object.create(null) as Record<string, unknown>
    req.originalUrl ??= req.url
    req.baseUrl = ''
    const last = (error?: unknown) => {
      if (callback) return callback(error)
      // Express's final handler: the error handler above already answered (it never passes on).
      if (!res.headersSent) {
        res.statusCode = 500
        res.end()
      } else res.destroy()
    }
    const failed = (error: unknown) => {
      try {
        onError(error, req, res, last)
      } catch (thrown) {
        last(thrown)
      }
    }
    try {
      front(req, res, (error?: unknown) => (error ? failed(error) : notFound(req, res, last)))
    } catch (error) {
      failed(error)
    }
  }
  ;(app as unknown as { handle: Handle }).handle = handle
}

/** `/trpc` and everything below it (what `app.use('/trpc', …)` matched, case included). */
function isTrpcPath(url: string): boolean {
  if (url.length < 5 || url.slice(0, 5).toLowerCase() !== '/trpc') return false
  const next = url[5]
  return next === undefined || next === '/' || next === '?'
}
