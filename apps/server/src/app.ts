import { randomUUID } from 'node:crypto'
import express, { type Express, type Router } from 'express'
import helmet from 'helmet'
import type { Logger } from 'pino'
import { pinoHttp } from 'pino-http'
import type { AppDeps } from '@jouwbot/api'
import { csrfGuard } from './http/csrf.ts'
import { errorHandler, notFound, sendError } from './http/errors.ts'
import { healthz } from './http/healthz.ts'
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

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = randomUUID()
        res.setHeader('X-Request-Id', id)
        return id
      },
      // Never log cookies or authorisation headers. The serializers get the raw objects: wrapping
      // them in pino's standard ones parsed every query string and copied every header, to be dropped.
      wrapSerializers: false,
      serializers: {
        req: (req: express.Request) => ({ id: req.id, method: req.method, url: req.originalUrl ?? req.url }),
        res: (res: express.Response) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  )
  app.use(
    helmet({
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
    }),
  )

  app.get('/healthz', healthz(pingDb))
  // Webhooks (Mollie) come before the CSRF guard: they are authenticated by re-fetching from Mollie.
  for (const webhook of webhooks) app.use(webhook)
  app.use(csrfGuard(deps.appOrigin))
  app.use('/trpc', (req, res, next) => {
    // Only JSON bodies: form encodings are what a cross-site <form> can send.
    if (req.method === 'POST' && !req.is('application/json')) {
      sendError(req, res, 415, 'error.unsupportedMediaType')
      return
    }
    next()
  })
  app.use('/trpc', trpcHandler(deps, logger, secure))
  for (const route of routes) app.use(route)
  if (webDist) app.use(webClient(webDist, deps))
  app.use(notFound)
  app.use(errorHandler(logger))
  return app
}
