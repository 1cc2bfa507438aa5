import { randomUUID } from 'node:crypto'
import type { RequestHandler } from 'express'
import { createExpressMiddleware } from '@trpc/server/adapters/express'
import { appRouter, createContextInner, type AppDeps } from '@jouwbot/api'
import { validateSessionToken } from '@jouwbot/auth'
import type { Logger } from 'pino'
import { readSessionToken, sessionCookies } from './cookies.ts'

export const TRPC_MAX_BODY_BYTES = 100 * 1024
export const TRPC_MAX_BATCH_SIZE = 10

/** tRPC over Express: context from the session cookie, errors logged with the request id. */
export function trpcHandler(deps: AppDeps, logger: Logger, secureCookies: boolean): RequestHandler {
  return createExpressMiddleware({
    router: appRouter,
    maxBodySize: TRPC_MAX_BODY_BYTES,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    async createContext({ req, res }) {
      const cookies = sessionCookies(res, secureCookies)
      const token = readSessionToken(req)
      const validation = token ? await validateSessionToken(deps.db, token, deps.clock.now()) : null
      if (token && !validation) cookies.clear()
      if (token && validation?.renewed) cookies.set(token, validation.session.expiresAt)
      return createContextInner({
        deps,
        session: validation?.session ?? null,
        user: validation?.user ?? null,
        cookies,
        request: {
          requestId: String(req.id ?? randomUUID()),
          ip: req.ip ?? 'unknown',
          userAgent: req.get('user-agent') ?? null,
        },
      })
    },
    onError({ error, path, ctx }) {
      const expected = error.code !== 'INTERNAL_SERVER_ERROR'
      const fields = { requestId: ctx?.request.requestId, path, code: error.code }
      if (expected) logger.info(fields, `trpc ${error.code}`)
      else logger.error({ ...fields, err: error.cause ?? error }, 'trpc internal error')
    },
  })
}
