import express, { Router } from 'express'
import { applyMollieWebhook } from '@jouwbot/api/checkout'
import type { AppDeps } from '@jouwbot/api'
import type { Logger } from 'pino'

/**
 * POST /webhooks/mollie — Mollie posts `id=tr_…` (form-encoded) on every status change. The body
 * proves nothing: the payment is fetched from Mollie and only that answer counts, so this route
 * sits before the CSRF guard. 200 for anything we handled or do not know (Mollie must not retry a
 * spoofed id); 500 when we failed ourselves and 503 when an id we never stored was not looked up
 * (throttled), so Mollie tries again later.
 */
export function mollieWebhookRouter(deps: AppDeps, logger: Logger): Router {
  const router = Router()
  router.post('/webhooks/mollie', express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 5 }), async (req, res) => {
    const body: unknown = req.body
    const id = typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string' ? body.id : ''
    try {
      const outcome = await applyMollieWebhook(deps, { paymentId: id })
      if (outcome === 'throttled') {
        logger.warn({ paymentId: id.slice(0, 40) }, 'mollie webhook for an unknown payment not looked up (throttled); Mollie will retry')
        res.status(503).type('text/plain').send('retry')
        return
      }
      if (outcome === 'mismatch') logger.error({ paymentId: id }, 'mollie payment does not match its order: nothing granted')
      else if (outcome === 'ignored') logger.info({ paymentId: id.slice(0, 40) }, 'mollie webhook for an unknown payment ignored')
      res.status(200).type('text/plain').send('ok')
    } catch (error) {
      logger.error({ err: error, paymentId: id }, 'mollie webhook failed; Mollie will retry')
      res.status(500).type('text/plain').send('retry')
    }
  })
  return router
}
