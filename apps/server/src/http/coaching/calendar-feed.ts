import { Router } from 'express'
import type { AppDeps } from '@jouwbot/api'
import { renderCalendarFeed } from '@jouwbot/api/coaching'
import { AppError } from '@jouwbot/shared'
import { sendError } from '../errors.ts'

/**
 * GET /coaching/agenda/<id>.<secret>.ics — a member's or coach's private calendar feed, for Google,
 * Apple or Outlook to subscribe to (no cookie: the token is the key). Never cached by anyone on the
 * way (`private, no-store`), never indexed; an unknown or revoked token is a plain 404, and too many
 * of those from one IP a 429 with Retry-After.
 */
export function calendarFeedRouter(deps: AppDeps): Router {
  const router = Router()
  router.get('/coaching/agenda/:file', async (req, res, next) => {
    try {
      const ics = await renderCalendarFeed(deps, { file: String(req.params.file), ip: req.ip ?? req.socket.remoteAddress ?? '' })
      res
        .type('text/calendar; charset=utf-8')
        .set('Cache-Control', 'private, no-store')
        .set('X-Robots-Tag', 'noindex')
        .set('Referrer-Policy', 'no-referrer')
        .set('Content-Disposition', 'inline; filename="jouwbot-coaching.ics"')
        .send(ics)
    } catch (error) {
      if (error instanceof AppError && error.code === 'TOO_MANY_REQUESTS') {
        res.set('Retry-After', String(error.retryAfterSeconds ?? 60))
        return sendError(req, res, 429, error.key)
      }
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        res.set('Cache-Control', 'private, no-store')
        return sendError(req, res, 404, error.key)
      }
      next(error)
    }
  })
  return router
}
