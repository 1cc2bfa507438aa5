import { and, eq, invoices, isNull, orderLines, orders, sql, type Tx } from '@jouwbot/db'
import { takeBackOrderCredits } from '../coaching/take-back-order-credits.ts'
import type { TxDeps } from '../transaction.ts'
import { revokeCourseAccess } from '../courses/access.ts'
import type { OrderEffects } from './order-effects.ts'
import type { OrderRow } from './types.ts'

/*
 * What refunds, chargebacks and their reversals share, inside the transaction that holds the order's
 * row lock: the order's amounts, its invoice and VAT rate, and ending access it no longer pays for.
 */

export interface Revoked {
  /** The order's course access ended now. */
  courseEnded: boolean
  /** Unspent coaching sessions of the order taken back now. */
  sessionsLapsed: number
}

/**
 * Access and coaching credits belong to a fully paid order. Once refunds or chargebacks leave less
 * than the order's price with us, the order no longer pays for what it delivered: the course access
 * it granted ends and its unspent credits are taken back — once per cause (the refund or chargeback:
 * a unique key), and only that order's credits (packages/api/src/coaching/take-back-order-credits.ts). A withdrawal from the coaching only
 * (`keepCourse`) takes back the sessions and leaves the course.
 */
export async function revokeIfUncovered(
  deps: TxDeps,
  input: { order: OrderRow; actorUserId: string | null; effects: OrderEffects; now: Date; cause: string; keepCourse?: boolean },
): Promise<Revoked> {
  const tx = deps.db
  const { order, actorUserId, effects, now, cause, keepCourse = false } = input
  const revoked: Revoked = { courseEnded: false, sessionsLapsed: 0 }
  const kept = order.totalCents - order.refundedCents - order.chargedBackCents
  if (kept >= order.totalCents || !order.userId) return revoked
  const userId = order.userId
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id))
  for (const line of lines) {
    if (!line.courseId || keepCourse) continue
    const { revoked: ended } = await revokeCourseAccess(tx, { userId, courseId: line.courseId, source: 'order', sourceRef: order.id, actorUserId }, now)
    if (ended) effects.accessChangedFor.add(userId)
    revoked.courseEnded ||= ended
  }
  // Only this order's credits: unspent ones, and those on sessions not yet held (cancelled; member and coach told).
  revoked.sessionsLapsed = await takeBackOrderCredits(tx, deps, { orderId: order.id, userId, cause, now })
  return revoked
}

export async function orderInvoice(tx: Tx, orderId: string) {
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), eq(invoices.kind, 'invoice'), isNull(invoices.correctsInvoiceId)))
    .limit(1)
  return invoice
}

export async function orderVatRate(tx: Tx, orderId: string): Promise<number> {
  const [line] = await tx.select({ rate: orderLines.vatRateBasisPoints }).from(orderLines).where(eq(orderLines.orderId, orderId)).limit(1)
  return line?.rate ?? 2100
}

export async function addToOrder(tx: Tx, orderId: string, change: { refundedCents?: number; chargedBackCents?: number }, now: Date): Promise<OrderRow> {
  const [updated] = await tx
    .update(orders)
    .set({
      refundedCents: sql`${orders.refundedCents} + ${change.refundedCents ?? 0}`,
      chargedBackCents: sql`${orders.chargedBackCents} + ${change.chargedBackCents ?? 0}`,
      updatedAt: now,
    })
    .where(eq(orders.id, orderId))
    .returning()
  return updated!
}
