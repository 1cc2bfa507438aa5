import express, { Router } from 'express'
import type { AppDeps } from '@jouwbot/api'
import { unsubscribeNewsletter } from '@jouwbot/api/marketing'

/**
 * POST /nieuwsbrief/afmelden?token=… — RFC 8058 one-click unsubscribe. Mail clients post
 * `List-Unsubscribe=One-Click` (form-encoded) without cookies or an Origin, so this route sits
 * before the CSRF guard: the unguessable token in the link is the only authority, and all it can do
 * is unsubscribe. A GET of the same address is the web page, which only shows a button (mail
 * scanners prefetch links and must not unsubscribe anyone). Always 200, known token or not.
 */
export function newsletterUnsubscribeRouter(deps: AppDeps): Router {
  const router = Router()
  router.post('/nieuwsbrief/afmelden', express.urlencoded({ extended: false, limit: '1kb', parameterLimit: 3 }), async (req, res, next) => {
    try {
      const token = typeof req.query.token === 'string' ? req.query.token : ''
      await unsubscribeNewsletter(deps, { token })
      res.status(200).set('Cache-Control', 'no-store').type('text/plain').send('unsubscribed')
    } catch (error) {
      next(error)
    }
  })
  return router
}
