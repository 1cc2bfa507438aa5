import { coupons, desc, eq, orderLines, orders, payments, type Tx } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { usableCoupon } from './coupons.ts'
import { orderPageUrl } from './order-page-url.ts'
import { recordPayment } from './record-payment.ts'
import type { OrderRow } from './types.ts'

/** A buyer who clicks "pay" again within this time goes back to the same Mollie checkout. */
const REUSE_OPEN_PAYMENT_MS = 10 * 60_000

/**
 * Opens a Mollie payment for an unpaid order (the first, or a retry after a failed, canceled or
 * expired one). The idempotency key names the order and attempt, so a retried call can never make
 * two payments; the `tr_…` id is stored the moment Mollie answers.
 */
export async function startPaymentAttempt(deps: AppDeps, orderId: string): Promise<{ orderId: string; checkoutUrl: string }> {
  const now = deps.clock.now()
  const plan = await inTransaction(deps, async ({ db: tx }) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update')
    if (!order) throw new AppError('NOT_FOUND', 'checkout.orderNotFound')
    if (order.status === 'paid') throw new AppError('CONFLICT', 'checkout.alreadyPaid')
    const attempts = await tx.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(desc(payments.createdAt))
    const latest = attempts[0]
    if (latest?.status === 'open' && latest.checkoutUrl && now.getTime() - latest.createdAt.getTime() < REUSE_OPEN_PAYMENT_MS) {
      return { kind: 'reuse', checkoutUrl: latest.checkoutUrl } as const
    }
    if (order.status !== 'open' && order.status !== 'pending') {
      // A retry takes the coupon again, if it is still there to take.
      if (order.couponId) await recheckCoupon(tx, order, now)
      await tx.update(orders).set({ status: 'open', updatedAt: now }).where(eq(orders.id, orderId))
    }
    // Until the id is stored, a webhook for an id we do not know may be this payment (apply-mollie-webhook).
    await tx.update(orders).set({ paymentCreationStartedAt: now }).where(eq(orders.id, orderId))
    return { kind: 'new', attempt: attempts.length + 1, order } as const
  })
  if (plan.kind === 'reuse') return { orderId, checkoutUrl: plan.checkoutUrl }

  const { order, attempt } = plan
  const payment = await deps.payments
    .createPayment({
      amountCents: order.totalCents,
      currency: 'EUR',
      description: `Jouw Bot – ${order.locale === 'en' ? 'order' : 'bestelling'} ${order.id.slice(0, 8)}`,
      redirectUrl: orderPageUrl(deps, order.id),
      webhookUrl: deps.mollieWebhookUrl,
      locale: order.locale === 'en' ? 'en_US' : 'nl_NL',
      metadata: { orderId: order.id },
      idempotencyKey: `order-${order.id}-attempt-${attempt}`,
    })
    .catch((error: unknown) => {
      throw new AppError('SERVICE_UNAVAILABLE', 'checkout.paymentUnavailable', { cause: error })
    })
  await recordPayment(deps.db, { orderId: order.id, attempt, payment, now })
  await deps.db.update(orders).set({ paymentCreationStartedAt: null }).where(eq(orders.id, order.id))
  if (!payment.checkoutUrl) throw new AppError('SERVICE_UNAVAILABLE', 'checkout.paymentUnavailable')
  return { orderId, checkoutUrl: payment.checkoutUrl }
}

async function recheckCoupon(tx: Tx, order: OrderRow, now: Date) {
  const [line] = await tx.select({ productId: orderLines.productId }).from(orderLines).where(eq(orderLines.orderId, order.id)).limit(1)
  const [coupon] = await tx.select({ code: coupons.code }).from(coupons).where(eq(coupons.id, order.couponId!)).limit(1)
  if (!line || !coupon) throw new AppError('BAD_REQUEST', 'checkout.couponInvalid')
  await usableCoupon(tx, { code: coupon.code, productId: line.productId, userId: order.userId, now, exceptOrderId: order.id, lock: true })
}
