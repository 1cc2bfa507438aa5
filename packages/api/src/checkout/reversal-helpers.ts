import { and, coachingCredits, eq, inArray, invoices, isNull, orderLines, orders, sql, sum, type Tx } from '@jouwbot/db'
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

/** The order's own coaching credits still with the buyer's ledger: granted, minus taken back, plus given back. */
async function outstandingOrderCredits(tx: Tx, orderId: string): Promise<number> {
  const [row] = await tx
    .select({ credits: sum(coachingCredits.delta).mapWith(Number) })
    .from(coachingCredits)
    .where(and(eq(coachingCredits.orderId, orderId), inArray(coachingCredits.reason, ['order', 'order_revoked', 'order_restored'])))
  return row?.credits ?? 0
}

/**
 * Access and coaching credits belong to a fully paid order. Once refunds or chargebacks leave less
 * than the order's price with us, the order no longer pays for what it delivered: the course access
 * it granted ends and its unspent credits are taken back — once per cause (the refund or chargeback:
 * a unique key), and never more than the order still has out. A withdrawal from the coaching only
 * (`keepCourse`) takes back the sessions and leaves the course.
 */
export async function revokeIfUncovered(
  tx: Tx,
  input: { order: OrderRow; actorUserId: string | null; effects: OrderEffects; now: Date; cause: string; keepCourse?: boolean },
): Promise<Revoked> {
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
  const orderCredits = lines.reduce((total, line) => total + line.coachingCredits * line.quantity, 0)
  if (orderCredits > 0) {
    const [balance] = await tx
      .select({ credits: sum(coachingCredits.delta).mapWith(Number) })
      .from(coachingCredits)
      .where(eq(coachingCredits.userId, userId))
    const takeBack = Math.min(await outstandingOrderCredits(tx, order.id), Math.max(0, balance?.credits ?? 0))
    if (takeBack > 0) {
      const taken = await tx
        .insert(coachingCredits)
        .values({ userId, delta: -takeBack, reason: 'order_revoked', orderId: order.id, cause, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: coachingCredits.id })
      if (taken.length > 0) revoked.sessionsLapsed = takeBack
    }
  }
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
