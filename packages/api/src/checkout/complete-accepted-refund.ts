import { eq, invoices, orderLines, refunds } from '@jouwbot/db'
import type { GatewayRefund } from '@jouwbot/payments'
import { recordAudit } from '../audit/record-audit.ts'
import type { TxDeps } from '../transaction.ts'
import { mailBuyer } from './buyer-mail.ts'
import { issueCreditNote } from './issue-credit-note.ts'
import { formatMoney } from '@jouwbot/shared/money'
import type { OrderEffects } from './order-effects.ts'
import { orderPageUrl } from './order-page-url.ts'
import { recordFailedRefund } from './record-failed-refund.ts'
import { isDeadRefund, refundMayMove } from './refund-status.ts'
import { orderInvoice, orderVatRate, revokeIfUncovered } from './reversal-helpers.ts'
import type { OrderRow, RefundRow } from './types.ts'

/**
 * Mollie accepted a refund we already counted on the order: remember its id, issue the credit note
 * (once: unique per refund), tell the buyer, and end access when the order is no longer paid for.
 */
export async function completeAcceptedRefund(
  deps: TxDeps,
  input: { order: OrderRow; local: RefundRow; remote: GatewayRefund; actorUserId: string | null; effects: OrderEffects; now: Date },
): Promise<{ creditNoteNumber: string | null }> {
  const { order, local, remote, actorUserId, effects, now } = input
  const tx = deps.db
  if (isDeadRefund(remote.status)) {
    await recordFailedRefund(deps, { order, local, remote, effects, now })
    return { creditNoteNumber: null }
  }
  const [existing] = await tx.select({ number: invoices.number }).from(invoices).where(eq(invoices.refundId, local.id)).limit(1)
  // Old news about a refund that has since failed: it stays failed.
  if (isDeadRefund(local.status)) return { creditNoteNumber: existing?.number ?? null }
  if (refundMayMove(local.status, remote.status) || local.mollieRefundId === null) {
    const status = refundMayMove(local.status, remote.status) ? remote.status : local.status
    await tx.update(refunds).set({ mollieRefundId: remote.id, status, updatedAt: now }).where(eq(refunds.id, local.id))
  }
  if (existing) return { creditNoteNumber: existing.number }
  const invoice = await orderInvoice(tx, order.id)
  if (!invoice) return { creditNoteNumber: null }
  const note = await issueCreditNote(deps, { order, invoice, amountCents: local.amountCents, vatRateBasisPoints: await orderVatRate(tx, order.id), refundId: local.id, now })
  effects.issued.push(note)
  const { courseEnded, sessionsLapsed } = await revokeIfUncovered(deps, { order, actorUserId, effects, now, cause: local.id, keepCourse: local.kind === 'coaching_withdrawal' })
  const [line] = await tx.select({ description: orderLines.description }).from(orderLines).where(eq(orderLines.orderId, order.id)).limit(1)
  await mailBuyer(deps, {
    order,
    template: 'orderRefunded',
    params: {
      productName: line?.description ?? '',
      amount: formatMoney(local.amountCents, order.locale),
      creditNoteNumber: note.number,
      courseEnded,
      sessionsLapsed,
      orderUrl: orderPageUrl(deps, order.id),
    },
    now,
  })
  await recordAudit(
    tx,
    { actorUserId, subjectUserId: order.userId, action: 'order.refunded', details: { orderId: order.id, refundId: local.id, mollieRefundId: remote.id, amountCents: local.amountCents } },
    now,
  )
  return { creditNoteNumber: note.number }
}
