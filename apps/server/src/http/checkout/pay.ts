import express, { Router } from 'express'
import { startOrderPayment } from '@jouwbot/api/checkout'
import type { AppDeps } from '@jouwbot/api'
import { AppError, isUuid } from '@jouwbot/shared'
import { sendError } from '../errors.ts'
import { sessionUser } from '../session-user.ts'

/**
 * POST /checkout/orders/:orderId/pay — a plain form (works without JavaScript): opens a payment
 * for the buyer's unpaid order and answers 303 to Mollie's checkout page. Behind the CSRF guard.
 */
export function checkoutPayRouter(deps: AppDeps): Router {
  const router = Router()
  router.post('/checkout/orders/:orderId/pay', express.urlencoded({ extended: false, limit: '1kb' }), async (req, res, next) => {
    const orderId = req.params.orderId
    if (!isUuid(orderId)) return sendError(req, res, 404, 'checkout.orderNotFound')
    try {
      const buyer = await sessionUser(deps, req)
      if (!buyer) return sendError(req, res, 401, 'error.unauthorized')
      const { checkoutUrl } = await startOrderPayment(deps, buyer, orderId)
      res.redirect(303, checkoutUrl)
    } catch (error) {
      if (error instanceof AppError) {
        // Back to the order page, which explains the state (already paid, coupon gone, …).
        return res.redirect(303, `/bestelling/${orderId}?fout=${encodeURIComponent(error.key)}`)
      }
      next(error)
    }
  })
  return router
}
