import { parseCookie } from 'cookie'
import express, { Router, type Request } from 'express'
import type { AppDeps } from '@jouwbot/api'
import { recordPageView, type RecordPageViewInput } from '@jouwbot/api/marketing-stats'
import { pageViewInput } from '@jouwbot/shared'
import { sendError } from '../errors.ts'
import { sessionUser } from '../session-user.ts'

/**
 * POST /api/stats/pageview — the statistics beacon of the web client (`navigator.sendBeacon`, or
 * `fetch` with keepalive): `{ "path": "/blog/…", "referrer": "example.com" }` as JSON (sendBeacon sends
 * it as text/plain). Same origin only (the CSRF guard runs first, and this route checks
 * `Sec-Fetch-Site` again when the browser sends it), small bodies only, rate-limited per address.
 *
 * The answer is always an empty 204 when the body is valid, recorded or not (DNT/GPC, bot, objection):
 * it sets no cookie and says nothing about the visitor. The IP address is only hashed with the salt of
 * the day and never stored; the session cookie, if any, is only read to honour a member's objection.
 */
export function statsCollectRouter(deps: AppDeps): Router {
  const router = Router()
  const body = express.text({ type: ['text/plain', 'application/json'], limit: '2kb' })
  router.post('/api/stats/pageview', body, async (req, res, next) => {
    try {
      const site = req.get('sec-fetch-site')
      if (site !== undefined && site !== 'same-origin') return sendError(req, res, 403, 'error.csrf')
      let parsed: unknown
      try {
        parsed = JSON.parse(typeof req.body === 'string' ? req.body : '')
      } catch {
        return sendError(req, res, 400, 'error.invalidInput')
      }
      const input = pageViewInput.safeParse(parsed)
      if (!input.success) return sendError(req, res, 400, 'error.invalidInput')
      const outcome = await recordPageView(deps, { ...input.data, ...(await visitorOf(deps, req)) })
      if (outcome === 'throttled') return sendError(req, res, 429, 'error.tooManyRequests')
      res.set('Cache-Control', 'no-store').status(204).end()
    } catch (error) {
      next(error)
    }
  })
  return router
}

/** What every page view takes from the request: never stored as such (see `recordPageView`). */
async function visitorOf(deps: AppDeps, req: Request): Promise<Pick<RecordPageViewInput, 'ip' | 'userAgent' | 'optedOut' | 'userId'>> {
  const viewer = await sessionUser(deps, req)
  return {
    ip: req.ip ?? req.socket.remoteAddress ?? '',
    userAgent: req.get('user-agent') ?? '',
    optedOut: req.get('dnt') === '1' || req.get('sec-gpc') === '1',
    userId: viewer?.id ?? null,
  }
}

/**
 * A page view of a server-rendered page (the blog runs no script, so no beacon): counted the same way,
 * after the answer, never failing the page. The statistics cookie (`jb_stats`, set by the cookie dialog
 * only with consent) stands for the choice the SPA's beacon sends.
 */
export function countServerPageView(deps: AppDeps, req: Request, onError: (error: unknown) => void): void {
  const path = req.path
  const referrer = req.get('referer')
  const consent = parseCookie(req.get('cookie') ?? '')[STATS_COOKIE] !== undefined
  void visitorOf(deps, req)
    .then((visitor) => recordPageView(deps, { path, ...(referrer ? { referrer } : {}), consent, ...visitor }))
    .catch(onError)
}

export const STATS_COOKIE = 'jb_stats'
