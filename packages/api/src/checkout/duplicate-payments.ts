import { randomUUID } from 'node:crypto'
import { and, eq, refunds, type Tx } from '@jouwbot/db'
import type { GatewayPayment, GatewayRefund } from '@jouwbot/payments'
import { recordAudit } from '../audit/record-audit.ts'
import type { TxDeps } from '../transaction.ts'
import { mailBuyer } from './buyer-mail.ts'
import { formatMoney } from '@jouwbot/shared/money'
import { orderPageUrl } from './order-page-url.ts'
import { isDeadRefund, refundMayMove } from './refund-status.ts'
import { alertShop } from './shop-alerts.ts'
import type { OrderRow, RefundRow } from './types.ts'

/*
 * One subject, three steps: the refund of a payment that came in for an order already paid is
 * reserved (in the paying transaction), completed when Mollie answers, and followed up later.
 */

/**
 * A second payment for an order that is already paid (an older attempt that still went through after
 * a retry, a late bank transfer): the buyer paid twice, so that payment goes back whole. It was never
 * invoiced and is not counted on the order; one refund per payment (a unique key), asked of Mollie
 * after commit and, should that call fail, by the reconciliation job.
 */
export async function reserveDuplicateRefund(tx: Tx, input: { order: OrderRow; remote: GatewayPayment; now: Date }): Promise<RefundRow | null> {
  const { order, remote, now } = input
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
export async function completeDuplicateRefund(deps: TxDeps, input: { order: OrderRow; local: RefundRow; remote: GatewayRefund; now: Date }): Promise<void> {
  const { order, local, remote, now } = input
  const tx = deps.db
  const firstAnswer = local.mollieRefundId === null
  if (firstAnswer) await tx.update(refunds).set({ mollieRefundId: remote.id, updatedAt: now }).where(eq(refunds.id, local.id))
  const buyerTold = !firstAnswer || !isDeadRefund(remote.status)
  if (firstAnswer && buyerTold) {
    await mailBuyer(deps, { order, template: 'duplicatePaymentRefunded', params: { amount: formatMoney(local.amountCents, order.locale), orderUrl: orderPageUrl(deps, order.id) }, now })
    await recordAudit(
      tx,
      { actorUserId: null, subjectUserId: order.userId, action: 'order.double_payment_refunded', details: { orderId: order.id, refundId: local.id, mollieRefundId: remote.id, amountCents: local.amountCents } },
      now,
    )
  }
  await moveDuplicateRefund(deps, { order, local: { ...local, mollieRefundId: remote.id }, remote, buyerTold, now })
}

/** Later news of duplicate payments' refunds (settled, or failed at the bank), from the webhook or the job. */
export async function updateDuplicateRefunds(deps: TxDeps, input: { order: OrderRow; remoteRefunds: GatewayRefund[]; now: Date }): Promise<void> {
  const { order, remoteRefunds, now } = input
  for (const remote of remoteRefunds) {
    const [local] = await deps.db
      .select()
      .from(refunds)
      .where(and(eq(refunds.mollieRefundId, remote.id), eq(refunds.orderId, order.id), eq(refunds.kind, 'duplicate_payment')))
      .for('update')
    if (local) await moveDuplicateRefund(deps, { order, local, remote, buyerTold: true, now })
  }
}

/**
 * Forward only (old news never undoes newer). A refund that failed or was canceled leaves the money
 * with us: the shop is told to settle it, and so is the buyer if we had said it was on its way.
 */
async function moveDuplicateRefund(
  deps: TxDeps,
  input: { order: OrderRow; local: RefundRow; remote: GatewayRefund; buyerTold: boolean; now: Date },
): Promise<void> {
  const { order, local, remote, buyerTold, now } = input
  if (!refundMayMove(local.status, remote.status)) return
  await deps.db.update(refunds).set({ status: remote.status, updatedAt: now }).where(eq(refunds.id, local.id))
  if (!isDeadRefund(remote.status)) return
  if (buyerTold) await mailBuyer(deps, { order, template: 'refundFailed', params: { amount: formatMoney(local.amountCents, order.locale), corrected: false, orderUrl: orderPageUrl(deps, order.id) }, now })
  const detail = `Terugbetaling ${remote.id} van een dubbele betaling (status ${remote.status}); ${buyerTold ? 'de koper kreeg een mail dat het niet gelukt is' : 'de koper weet nog van niets'}.`
  await alertShop(deps, { problem: 'refundFailed', orderId: order.id, amountCents: local.amountCents, detail, cause: local.id }, now)
}
