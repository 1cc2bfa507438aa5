import { randomUUID } from 'node:crypto'
import { and, eq, refunds, type DbOrTx } from '@jouwbot/db'
import type { GatewayPayment, GatewayRefund } from '@jouwbot/payments'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import type { OrderRow } from './apply-payment.ts'
import { mailBuyer } from './buyer-mail.ts'
import { formatEuro } from './money.ts'
import { orderPageUrl } from './payment-attempts.ts'
import { isDeadRefund, refundMayMove } from './refund-status.ts'
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
  if (amountCents <= 0) return null
  const [refund] = await tx
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
  if (!refund) return null
  await recordAudit(tx, { actorUserId: null, subjectUserId: order.userId, action: 'order.double_payment', details: { orderId: order.id, paymentId: remote.id, refundId: refund.id } }, now)
  return refund
}

/**
 * Mollie answered the create call (or a later look-up) for a duplicate payment's refund: remember it
 * and tell the buyer once; one Mollie already reports failed or canceled goes to the shop instead.
 */
export async function completeDuplicateRefund(tx: DbOrTx, deps: AppDeps, order: OrderRow, local: RefundRow, remote: GatewayRefund, now: Date): Promise<void> {
  const firstAnswer = local.mollieRefundId === null
  if (firstAnswer) await tx.update(refunds).set({ mollieRefundId: remote.id, updatedAt: now }).where(eq(refunds.id, local.id))
  const buyerTold = !firstAnswer || !isDeadRefund(remote.status)
  if (firstAnswer && buyerTold) {
    await mailBuyer(tx, deps, order, 'duplicatePaymentRefunded', { amount: formatEuro(local.amountCents, order.locale), orderUrl: orderPageUrl(deps, order.id) }, now)
    await recordAudit(
      tx,
      { actorUserId: null, subjectUserId: order.userId, action: 'order.double_payment_refunded', details: { orderId: order.id, refundId: local.id, mollieRefundId: remote.id, amountCents: local.amountCents } },
      now,
    )
  }
  await moveDuplicateRefund(tx, deps, order, { ...local, mollieRefundId: remote.id }, remote, buyerTold, now)
}

/** Later news of duplicate payments' refunds (settled, or failed at the bank), from the webhook or the job. */
export async function updateDuplicateRefunds(tx: DbOrTx, deps: AppDeps, order: OrderRow, remoteRefunds: GatewayRefund[], now: Date): Promise<void> {
  for (const remote of remoteRefunds) {
    const [local] = await tx
      .select()
      .from(refunds)
      .where(and(eq(refunds.mollieRefundId, remote.id), eq(refunds.orderId, order.id), eq(refunds.kind, 'duplicate_payment')))
      .for('update')
    if (local) await moveDuplicateRefund(tx, deps, order, local, remote, true, now)
  }
}

/**
 * Forward only (old news never undoes newer). A refund that failed or was canceled leaves the money
 * with us: the shop is told to settle it, and so is the buyer if we had said it was on its way.
 */
async function moveDuplicateRefund(tx: DbOrTx, deps: AppDeps, order: OrderRow, local: RefundRow, remote: GatewayRefund, buyerTold: boolean, now: Date): Promise<void> {
  if (!refundMayMove(local.status, remote.status)) return
  await tx.update(refunds).set({ status: remote.status, updatedAt: now }).where(eq(refunds.id, local.id))
  if (!isDeadRefund(remote.status)) return
  if (buyerTold) await mailBuyer(tx, deps, order, 'refundFailed', { amount: formatEuro(local.amountCents, order.locale), corrected: false, orderUrl: orderPageUrl(deps, order.id) }, now)
  const detail = `Terugbetaling ${remote.id} van een dubbele betaling (status ${remote.status}); ${buyerTold ? 'de koper kreeg een mail dat het niet gelukt is' : 'de koper weet nog van niets'}.`
  await alertShop(tx, deps, { problem: 'refundFailed', orderId: order.id, amountCents: local.amountCents, detail, cause: local.id }, now)
}
