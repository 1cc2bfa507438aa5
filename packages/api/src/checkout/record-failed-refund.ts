import { eq, invoices, refunds } from '@jouwbot/db'
import type { GatewayRefund } from '@jouwbot/payments'
import { recordAudit } from '../audit/record-audit.ts'
import type { TxDeps } from '../transaction.ts'
import { mailBuyer } from './buyer-mail.ts'
import { issueCreditNoteCorrection } from './issue-credit-note-correction.ts'
import { formatMoney } from '@jouwbot/shared/money'
import type { OrderEffects } from './order-effects.ts'
import { orderPageUrl } from './order-page-url.ts'
import { refundMayMove } from './refund-status.ts'
import { addToOrder } from './reversal-helpers.ts'
import { alertShop } from './shop-alerts.ts'
import type { OrderRow, RefundRow } from './types.ts'

/**
 * A refund Mollie accepted and then did not carry out (it failed at the bank, or was canceled while
 * queued): the money stayed with us. It stops counting on the order, so it can be refunded again;
 * its credit note, if issued, is corrected by an invoice; the buyer, who was told, hears it failed.
 * Access that ended with the refund stays ended: whether to grant it again or refund again is an
 * admin's call (the audit log names the refund).
 */
export async function recordFailedRefund(
  deps: TxDeps,
  input: { order: OrderRow; local: RefundRow; remote: GatewayRefund; effects: OrderEffects; now: Date },
): Promise<void> {
  const { order, local, remote, effects, now } = input
  const tx = deps.db
  // Already failed, or refunded: Mollie's refunded is final, the money reached the buyer.
  if (!refundMayMove(local.status, remote.status)) return
  await tx.update(refunds).set({ mollieRefundId: remote.id, status: remote.status, updatedAt: now }).where(eq(refunds.id, local.id))
  Object.assign(order, await addToOrder(tx, order.id, { refundedCents: -local.amountCents }, now))
  const [creditNote] = await tx.select().from(invoices).where(eq(invoices.refundId, local.id)).limit(1)
  const correction = creditNote ? await issueCreditNoteCorrection(deps, { order, creditNote, because: 'refundFailed', now }) : null
  if (correction) {
    effects.issued.push(correction)
    await mailBuyer(deps, { order, template: 'refundFailed', params: { amount: formatMoney(local.amountCents, order.locale), corrected: true, orderUrl: orderPageUrl(deps, order.id) }, now })
  }
  await recordAudit(
    tx,
    {
      actorUserId: null,
      subjectUserId: order.userId,
      action: 'order.refund_failed',
      details: { orderId: order.id, refundId: local.id, mollieRefundId: remote.id, status: remote.status, amountCents: local.amountCents, correction: correction?.number ?? null },
    },
    now,
  )
  const detail =
    `Terugbetaling ${remote.id} (status ${remote.status}). Het bedrag telt niet meer als terugbetaald` +
    (correction ? `; correctiefactuur ${correction.number} corrigeert de creditnota en de koper kreeg een mail dat we contact opnemen` : '') +
    (local.kind === 'coaching_withdrawal' ? '. De cursus bleef; de vervallen coachingsessies blijven vervallen.' : '. Toegang die met de terugbetaling eindigde, blijft beëindigd.')
  await alertShop(deps, { problem: 'refundFailed', orderId: order.id, amountCents: local.amountCents, detail, cause: local.id }, now)
}
