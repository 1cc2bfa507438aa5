import { and, eq, orders, refunds, sql } from '@jouwbot/db'
import { PaymentProviderError, type GatewayRefund } from '@jouwbot/payments'
import { AppError } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { completeAcceptedRefund } from './complete-accepted-refund.ts'
import { completeDuplicateRefund } from './duplicate-payments.ts'
import { applyEffects, newEffects } from './order-effects.ts'
import { alertShop } from './shop-alerts.ts'
import type { RefundRow } from './types.ts'

export interface RefundResult {
  refundId: string
  amountCents: number
  status: RefundRow['status']
  creditNoteNumber: string | null
}

/** Asks Mollie for a reserved refund (again, after a timeout) and records the answer. */
export async function pushRefundToMollie(deps: AppDeps, refund: RefundRow, actorUserId: string | null): Promise<RefundResult> {
  // Unknown outcome (network, 5xx, rate limit): the refund stays `requested`; repeating the call (or the
  // reconciliation job) finds or makes it. Only Mollie refusing the create itself gives the amount back.
  const unavailable = (error: unknown) => new AppError('SERVICE_UNAVAILABLE', 'refund.unavailable', { cause: error })
  let remote: GatewayRefund | undefined
  try {
    remote = (await deps.payments.listRefunds(refund.paymentId)).find(
      (candidate) => (candidate.metadata as { refundRequestId?: unknown } | null)?.refundRequestId === refund.id,
    )
  } catch (error) {
    throw unavailable(error)
  }
  try {
    remote ??= await deps.payments.createRefund({
      paymentId: refund.paymentId,
      amountCents: refund.amountCents,
      currency: 'EUR',
      description: `Jouw Bot – ${refund.kind === 'duplicate_payment' ? 'dubbele betaling' : 'terugbetaling'} ${refund.orderId.slice(0, 8)}`,
      metadata: { orderId: refund.orderId, refundRequestId: refund.id },
      idempotencyKey: `refund-${refund.id}`,
    })
  } catch (error) {
    if (error instanceof PaymentProviderError) {
      await releaseRefusedRefund(deps, refund, error, actorUserId)
      throw new AppError('BAD_REQUEST', 'refund.rejected', { cause: error })
    }
    throw unavailable(error)
  }
  const accepted = remote
  const effects = newEffects()
  const now = deps.clock.now()
  const result = await inTransaction(deps, async (txDeps) => {
    const tx = txDeps.db
    const [order] = await tx.select().from(orders).where(eq(orders.id, refund.orderId)).for('update')
    const [local] = await tx.select().from(refunds).where(eq(refunds.id, refund.id)).for('update')
    if (local!.kind !== 'duplicate_payment') return completeAcceptedRefund(txDeps, { order: order!, local: local!, remote: accepted, actorUserId, effects, now })
    await completeDuplicateRefund(txDeps, { order: order!, local: local!, remote: accepted, now })
    return { creditNoteNumber: null }
  })
  await applyEffects(deps, effects)
  return { refundId: refund.id, amountCents: refund.amountCents, status: accepted.status, creditNoteNumber: result.creditNoteNumber }
}

/** Mollie said no (e.g. not enough balance): the refund failed and the reserved amount is given back to the order. */
async function releaseRefusedRefund(deps: AppDeps, refund: RefundRow, error: PaymentProviderError, actorUserId: string | null) {
  const now = deps.clock.now()
  await inTransaction(deps, async (txDeps) => {
    const tx = txDeps.db
    await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, refund.orderId)).for('update')
    const released = await tx
      .update(refunds)
      .set({ status: 'failed', updatedAt: now })
      .where(and(eq(refunds.id, refund.id), eq(refunds.status, 'requested')))
      .returning({ id: refunds.id })
    if (released.length === 0) return
    // A duplicate payment's refund was never counted on the order.
    if (refund.kind !== 'duplicate_payment') {
      await tx
        .update(orders)
        .set({ refundedCents: sql`${orders.refundedCents} - ${refund.amountCents}`, updatedAt: now })
        .where(eq(orders.id, refund.orderId))
    }
    await recordAudit(tx, { actorUserId, subjectUserId: null, action: 'order.refund_refused', details: { orderId: refund.orderId, refundId: refund.id, status: error.statusCode } }, now)
    // An admin who asked sees the refusal on the form; nobody watches the automatic ones.
    if (actorUserId === null) {
      const detail = `${refund.kind === 'duplicate_payment' ? 'Terugbetaling van een dubbele betaling' : 'Terugbetaling'} ${refund.id}; Mollie antwoordde ${error.statusCode}.`
      await alertShop(txDeps, { problem: 'refundRefused', orderId: refund.orderId, amountCents: refund.amountCents, detail, cause: refund.id }, now)
    }
  })
}
