import { randomUUID } from 'node:crypto'
import { and, eq, refunds, type DbOrTx } from '@jouwbot/db'
import type { GatewayPayment, GatewayRefund } from '@jouwbot/payments'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import type { OrderRow } from './apply-payment.ts'
import { mailBuyer } from './buyer-mail.ts'
import { formatEuro } from './money.ts'
import { orderPageUrl } from './payment-attempts.ts'
import { alertShop } from './shop-alerts.ts'

type RefundRow = typeof refunds.$inferSelect

/**
 * A second payment for an order that is already paid (an older attempt that still went through after
 * a retry, a late bank transfer): the buyer paid twice, so that payment goes back whole. It was never
 * invoiced and is not counted on the order; one refund per payment (a unique key), asked of Mollie
 * after commit and, should that call fail, by the reconciliation job.
 */
export async function reserveDuplicateRefund(tx: DbOrTx, order: OrderRow, remote: GatewayPayment, now: Date): Promise<RefundRow | null> {
  const amountCents = remote.amountCents - remote.amountRefundedCents
  const [refund] =
    amountCents > 0
      ? await tx
          .insert(refunds)
          .values({
            id: randomUUID(),
            orderId: order.id,
            paymentId: remote.id,
            kind: 'duplicate_payment',
            amountCents,
            status: 'requested',
            reason: 'Dubbele betaling',
            requestedBy: null,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning()
      : []
  await recordAudit(
    tx,
    { actorUserId: null, subjectUserId: order.userId, action: 'order.double_payment', details: { orderId: order.id, paymentId: remote.id, refundId: refund?.id ?? null } },
    now,
  )
  return refund ?? null
}

/** Mollie accepted the refund of a duplicate payment: remember it and tell the buyer (once). */
export async function completeDuplicateRefund(tx: DbOrTx, deps: AppDeps, order: OrderRow, local: RefundRow, remote: GatewayRefund, now: Date): Promise<void> {
  await tx.update(refunds).set({ mollieRefundId: remote.id, status: remote.status, updatedAt: now }).where(eq(refunds.id, local.id))
  if (local.mollieRefundId !== null) return
  await mailBuyer(tx, order, 'duplicatePaymentRefunded', { amount: formatEuro(local.amountCents, order.locale), orderUrl: orderPageUrl(deps, order.id) }, now)
  await recordAudit(
    tx,
    { actorUserId: null, subjectUserId: order.userId, action: 'order.double_payment_refunded', details: { orderId: order.id, refundId: local.id, mollieRefundId: remote.id, amountCents: local.amountCents } },
    now,
  )
}

/**
 * Later news of a duplicate payment's refund only moves its status; one that failed at the bank or was
 * canceled is the shop's to settle (it is told).
 */
export async function updateDuplicateRefunds(tx: DbOrTx, deps: AppDeps, orderId: string, remoteRefunds: GatewayRefund[], now: Date): Promise<void> {
  for (const remote of remoteRefunds) {
    const [before] = await tx
      .select({ id: refunds.id, status: refunds.status, amountCents: refunds.amountCents })
      .from(refunds)
      .where(and(eq(refunds.mollieRefundId, remote.id), eq(refunds.orderId, orderId), eq(refunds.kind, 'duplicate_payment')))
      .for('update')
    if (!before || before.status === remote.status) continue
    await tx.update(refunds).set({ status: remote.status, updatedAt: now }).where(eq(refunds.id, before.id))
    if (remote.status === 'failed' || remote.status === 'canceled') {
      const detail = `Terugbetaling ${remote.id} van een dubbele betaling (status ${remote.status}); de koper weet nog van niets.`
      await alertShop(tx, deps, { problem: 'refundFailed', orderId, amountCents: before.amountCents, detail, cause: before.id }, now)
    }
  }
}

