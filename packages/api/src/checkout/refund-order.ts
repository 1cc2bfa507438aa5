import type { UserRow } from '@jouwbot/auth'
import { eq, invoices, orderLines, orders, refunds, sql, type DbOrTx, type Tx } from '@jouwbot/db'
import { AppError, type adminRefundInput } from '@jouwbot/shared'
import type { z } from 'zod'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { pushRefundToMollie, type RefundResult } from './push-refund-to-mollie.ts'
import type { RefundRow } from './types.ts'

type RefundInput = z.output<typeof adminRefundInput>

/**
 * An admin refunds a paid order, fully or in part. The refund is counted on the order first (so two
 * admins cannot refund the same euro twice), then asked of Mollie with our refund id as idempotency
 * key. After a timeout the same call is safe to repeat: it first looks for the refund at Mollie.
 */
export async function refundOrder(deps: AppDeps, admin: UserRow, input: RefundInput): Promise<RefundResult> {
  const now = deps.clock.now()
  const refund = await inTransaction(deps, (tx) => reserveRefund(tx.db, { admin, input, now }))
  if (refund.mollieRefundId) return { refundId: refund.id, amountCents: refund.amountCents, status: refund.status, creditNoteNumber: await creditNoteOf(deps.db, refund.id) }
  // Mollie refused this one and its amount was given back: asking again needs a new refund (id).
  if (refund.status !== 'requested') throw new AppError('BAD_REQUEST', 'refund.rejected')
  return pushRefundToMollie(deps, refund, admin.id)
}

async function reserveRefund(tx: Tx, { admin, input, now }: { admin: UserRow; input: RefundInput; now: Date }): Promise<RefundRow> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, input.orderId)).for('update')
  if (!order) throw new AppError('NOT_FOUND', 'checkout.orderNotFound')
  const [existing] = await tx.select().from(refunds).where(eq(refunds.id, input.refundId))
  const kind = input.coachingOnly ? 'coaching_withdrawal' : 'order'
  if (existing) {
    // A repeat must be the same refund: the same id for another amount is a different request.
    const sameAmount = input.amountCents === undefined || input.amountCents === existing.amountCents
    if (existing.orderId !== order.id || !sameAmount || existing.kind !== kind) throw new AppError('CONFLICT', 'refund.idTaken')
    return existing
  }
  if (order.status !== 'paid' || !order.paidPaymentId) throw new AppError('CONFLICT', 'refund.notPaid')
  if (kind === 'coaching_withdrawal' && !(await holdsCourseAndCoaching(tx, order.id))) throw new AppError('BAD_REQUEST', 'refund.noCoaching')
  const left = order.totalCents - order.refundedCents - order.chargedBackCents
  // Withdrawing from the coaching alone returns part of the price (the admin says how much): the course stays paid for.
  if (kind === 'coaching_withdrawal' && (input.amountCents === undefined || input.amountCents >= left)) throw new AppError('BAD_REQUEST', 'refund.coachingAmount')
  const amountCents = input.amountCents ?? left
  if (amountCents <= 0 || amountCents > left) throw new AppError('BAD_REQUEST', 'refund.tooMuch')
  const [refund] = await tx
    .insert(refunds)
    .values({ id: input.refundId, orderId: order.id, paymentId: order.paidPaymentId, kind, amountCents, status: 'requested', reason: input.reason, requestedBy: admin.id, createdAt: now, updatedAt: now })
    .returning()
  await tx
    .update(orders)
    .set({ refundedCents: sql`${orders.refundedCents} + ${amountCents}`, updatedAt: now })
    .where(eq(orders.id, order.id))
  await recordAudit(tx, { actorUserId: admin.id, subjectUserId: order.userId, action: 'order.refund_requested', details: { orderId: order.id, refundId: input.refundId, amountCents, kind } }, now)
  return refund!
}

async function holdsCourseAndCoaching(tx: Tx, orderId: string): Promise<boolean> {
  const lines = await tx.select({ courseId: orderLines.courseId, coachingCredits: orderLines.coachingCredits }).from(orderLines).where(eq(orderLines.orderId, orderId))
  return lines.some((line) => line.courseId !== null) && lines.some((line) => line.coachingCredits > 0)
}

async function creditNoteOf(db: DbOrTx, refundId: string): Promise<string | null> {
  const [row] = await db.select({ number: invoices.number }).from(invoices).where(eq(invoices.refundId, refundId)).limit(1)
  return row?.number ?? null
}
