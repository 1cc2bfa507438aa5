import type { UserRow } from '@jouwbot/auth'
import { and, eq, invoices, lt, orderLines, orders, refunds, sql, type DbOrTx } from '@jouwbot/db'
import { PaymentProviderError, type GatewayRefund } from '@jouwbot/payments'
import { AppError, type adminRefundInput } from '@jouwbot/shared'
import type { z } from 'zod'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { applyEffects, newEffects } from './apply-payment.ts'
import { completeDuplicateRefund } from './duplicate-payments.ts'
import { alertShop } from './shop-alerts.ts'
import { completeAcceptedRefund } from './reversals.ts'

type RefundInput = z.output<typeof adminRefundInput>
type RefundRow = typeof refunds.$inferSelect

export interface RefundResult {
  refundId: string
  amountCents: number
  status: RefundRow['status']
  creditNoteNumber: string | null
}

/**
 * An admin refunds a paid order, fully or in part. The refund is counted on the order first (so two
 * admins cannot refund the same euro twice), then asked of Mollie with our refund id as idempotency
 * key. After a timeout the same call is safe to repeat: it first looks for the refund at Mollie.
 */
export async function refundOrder(deps: AppDeps, admin: UserRow, input: RefundInput): Promise<RefundResult> {
  const now = deps.clock.now()
  const refund = await deps.db.transaction((tx) => reserveRefund(tx, admin, input, now))
  if (refund.mollieRefundId) return { refundId: refund.id, amountCents: refund.amountCents, status: refund.status, creditNoteNumber: await creditNoteOf(deps.db, refund.id) }
  // Mollie refused this one and its amount was given back: asking again needs a new refund (id).
  if (refund.status !== 'requested') throw new AppError('BAD_REQUEST', 'refund.rejected')
  return pushRefundToMollie(deps, refund, admin.id)
}

async function reserveRefund(tx: DbOrTx, admin: UserRow, input: RefundInput, now: Date): Promise<RefundRow> {
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

async function holdsCourseAndCoaching(tx: DbOrTx, orderId: string): Promise<boolean> {
  const lines = await tx.select({ courseId: orderLines.courseId, coachingCredits: orderLines.coachingCredits }).from(orderLines).where(eq(orderLines.orderId, orderId))
  return lines.some((line) => line.courseId !== null) && lines.some((line) => line.coachingCredits > 0)
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
  const result = await deps.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, refund.orderId)).for('update')
    const [local] = await tx.select().from(refunds).where(eq(refunds.id, refund.id)).for('update')
    if (local!.kind !== 'duplicate_payment') return completeAcceptedRefund(tx, deps, order!, local!, accepted, actorUserId, effects, now)
    await completeDuplicateRefund(tx, deps, order!, local!, accepted, now)
    return { creditNoteNumber: null }
  })
  await applyEffects(deps, effects)
  return { refundId: refund.id, amountCents: refund.amountCents, status: accepted.status, creditNoteNumber: result.creditNoteNumber }
}

/** Mollie said no (e.g. not enough balance): the refund failed and the reserved amount is given back to the order. */
async function releaseRefusedRefund(deps: AppDeps, refund: RefundRow, error: PaymentProviderError, actorUserId: string | null) {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
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
      await alertShop(tx, deps, { problem: 'refundRefused', orderId: refund.orderId, amountCents: refund.amountCents, detail, cause: refund.id }, now)
    }
  })
}

async function creditNoteOf(db: DbOrTx, refundId: string): Promise<string | null> {
  const [row] = await db.select({ number: invoices.number }).from(invoices).where(eq(invoices.refundId, refundId)).limit(1)
  return row?.number ?? null
}

/** Refunds whose create call never came back; the reconciliation job finishes them. */
export function stuckRefunds(db: DbOrTx, olderThan: Date) {
  return db
    .select()
    .from(refunds)
    .where(and(eq(refunds.status, 'requested'), lt(refunds.createdAt, olderThan)))
    .limit(50)
}
