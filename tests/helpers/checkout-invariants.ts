import { expect } from 'vitest'
import { and, chargebackReversals, chargebacks, coachingCredits, couponRedemptions, coupons, entitlements, eq, invoices, isNotNull, orderLines, orders, refunds } from '@jouwbot/db'
import type { EmulatorPayment } from '@jouwbot/payments/emulator'
import { attemptsOf, COUPON_CODE, type World } from './checkout-model.ts'
import type { TestServer } from './test-server.ts'

/*
 * What the checkout promises (README "Checkout", "Invoices", "Refunds and chargebacks"), checked
 * against Mollie's final word (the emulator) once every piece of news has reached us.
 */

const LIVE_REFUND = new Set(['requested', 'queued', 'pending', 'processing', 'refunded'])
const isLive = (status: string) => LIVE_REFUND.has(status)

export async function checkInvariants(server: TestServer, world: World): Promise<void> {
  const db = server.deps.db
  const atMollie = server.payments!.emulator.listPayments()
  const allInvoices = await db.select().from(invoices)
  const noteOf = (cause: { refundId?: string; chargebackId?: string }) =>
    allInvoices.filter((i) => i.kind === 'credit_note' && (cause.refundId ? i.refundId === cause.refundId : i.chargebackId === cause.chargebackId))
  const correctionsOf = (invoiceId: string) => allInvoices.filter((i) => i.kind === 'invoice' && i.correctsInvoiceId === invoiceId)

  for (const orderId of world.orderIds) {
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId))
    const where = `order ${orderId}`
    const attempts = attemptsOf(atMollie, orderId)
    const paidAtMollie = attempts.filter((p) => p.status === 'paid')
    expect(order!.status === 'paid', `${where}: paid in our books iff paid at Mollie`).toBe(paidAtMollie.length > 0)
    const orderInvoices = allInvoices.filter((i) => i.orderId === orderId)
    const grants = await db.select().from(entitlements).where(and(eq(entitlements.source, 'order'), eq(entitlements.sourceRef, orderId)))
    const courseLines = await db.select().from(orderLines).where(and(eq(orderLines.orderId, orderId), isNotNull(orderLines.courseId)))
    const credits = (await db.select().from(orderLines).where(eq(orderLines.orderId, orderId))).reduce((sum, l) => sum + l.coachingCredits * l.quantity, 0)
    const balance = (await db.select().from(coachingCredits).where(eq(coachingCredits.userId, order!.userId!))).reduce((sum, row) => sum + row.delta, 0)
    const localRefunds = await db.select().from(refunds).where(eq(refunds.orderId, orderId))
    const localChargebacks = await db.select().from(chargebacks).where(eq(chargebacks.orderId, orderId))

    if (order!.status !== 'paid') {
      expect(orderInvoices, `${where}: unpaid, no invoice`).toHaveLength(0)
      expect(grants, `${where}: unpaid, no access`).toHaveLength(0)
      expect(balance, `${where}: unpaid, no coaching`).toBe(0)
      expect(localRefunds.length + localChargebacks.length, `${where}: unpaid, nothing to give back`).toBe(0)
      continue
    }

    // Exactly one invoice for the sale; every other number belongs to a credit note or a correction.
    expect(orderInvoices.filter((i) => i.kind === 'invoice' && i.correctsInvoiceId === null), `${where}: one invoice`).toHaveLength(1)
    const paid = atMollie.find((p) => p.id === order!.paidPaymentId)!
    checkDuplicates(where, order!, attempts, localRefunds)

    // Money: what we count as given back is what Mollie says left us.
    const liveAtMollie = paid.refunds.filter((r) => isLive(r.status))
    const standing = paid.chargebacks.filter((c) => !c.reversedAt)
    expect(order!.refundedCents, `${where}: refunded = Mollie's live refunds`).toBe(liveAtMollie.reduce((sum, r) => sum + r.amountCents, 0))
    expect(order!.chargedBackCents, `${where}: charged back = Mollie's standing chargebacks`).toBe(standing.reduce((sum, c) => sum + c.amountCents, 0))
    expect(order!.totalCents - order!.refundedCents - order!.chargedBackCents, `${where}: kept = Mollie's amountRemaining`).toBe(paid.amountRemainingCents)

    // Every refund Mollie made on the sale has its row; a live one its credit note, a dead one with a credit note its correction.
    const saleRefunds = localRefunds.filter((r) => r.kind !== 'duplicate_payment')
    for (const remote of paid.refunds) {
      const local = saleRefunds.find((r) => r.mollieRefundId === remote.id)
      if (isLive(remote.status)) {
        expect(local, `${where}: refund ${remote.id} recorded`).toBeDefined()
        expect(local!.status, `${where}: refund ${remote.id} status`).toBe(remote.status)
        const notes = noteOf({ refundId: local!.id })
        expect(notes.map((n) => n.totalCents), `${where}: refund ${remote.id} has one credit note`).toEqual([-local!.amountCents])
        expect(correctionsOf(notes[0]!.id), `${where}: live refund not corrected`).toHaveLength(0)
      } else if (local) {
        expect(isLive(local.status), `${where}: refund ${remote.id} no longer counts`).toBe(false)
        for (const note of noteOf({ refundId: local.id })) expect(correctionsOf(note.id).map((c) => c.totalCents), `${where}: dead refund's credit note corrected once`).toEqual([-note.totalCents])
      }
    }
    // Refunds Mollie never made (refused) count for nothing and have no credit note.
    for (const local of saleRefunds.filter((r) => !paid.refunds.some((remote) => remote.id === r.mollieRefundId))) {
      expect(local.status, `${where}: refund ${local.id} unknown to Mollie is failed`).toBe('failed')
      expect(noteOf({ refundId: local.id }), `${where}: refused refund has no credit note`).toHaveLength(0)
    }

    // Every chargeback has its row; a standing one its credit note, a reversed one with a credit note its reversal and correction.
    for (const remote of paid.chargebacks) {
      const local = localChargebacks.find((c) => c.id === remote.id)
      expect(local, `${where}: chargeback ${remote.id} recorded`).toBeDefined()
      const notes = noteOf({ chargebackId: remote.id })
      const [reversal] = await db.select().from(chargebackReversals).where(eq(chargebackReversals.chargebackId, remote.id))
      if (!remote.reversedAt) {
        expect(local!.countedCents, `${where}: chargeback ${remote.id} counted whole`).toBe(remote.amountCents)
        expect(notes.map((n) => n.totalCents), `${where}: chargeback ${remote.id} has one credit note`).toEqual([-remote.amountCents])
        expect(reversal, `${where}: standing chargeback not reversed`).toBeUndefined()
        expect(correctionsOf(notes[0]!.id)).toHaveLength(0)
      } else {
        expect(reversal?.amountCents, `${where}: reversal of ${remote.id} gives back what was counted`).toBe(local!.countedCents)
        expect(notes.map((n) => n.totalCents), `${where}: a credit note only for what was counted`).toEqual(local!.countedCents > 0 ? [-local!.countedCents] : [])
        for (const note of notes) expect(correctionsOf(note.id).map((c) => c.totalCents), `${where}: reversed chargeback's credit note corrected once`).toEqual([-note.totalCents])
      }
    }
    expect(localChargebacks.length, `${where}: no chargeback Mollie does not know`).toBe(paid.chargebacks.length)

    // Access follows the net paid state.
    const liveOrderRefunds = saleRefunds.filter((r) => r.kind === 'order' && isLive(r.status))
    const anyRefund = saleRefunds.some((r) => noteOf({ refundId: r.id }).length > 0)
    const orderRefundCredited = saleRefunds.some((r) => r.kind === 'order' && noteOf({ refundId: r.id }).length > 0)
    const clean = paid.refunds.length === 0 && standing.length === 0
    for (const line of courseLines) {
      const active = grants.filter((g) => g.courseId === line.courseId && g.revokedAt === null)
      expect(active.length, `${where}: at most one active grant`).toBeLessThanOrEqual(1)
      expect(grants.filter((g) => g.courseId === line.courseId).length, `${where}: granted at least once`).toBeGreaterThanOrEqual(1)
      if (active.length === 1) {
        expect(order!.chargedBackCents, `${where}: no course while a chargeback stands`).toBe(0)
        expect(liveOrderRefunds, `${where}: no course while a refund of the order stands`).toHaveLength(0)
      }
      if (clean) expect(active, `${where}: course access while fully paid`).toHaveLength(1)
      // A refund ends access for good (an admin's call), even if it fails later — when no chargeback was involved.
      if (orderRefundCredited && paid.chargebacks.length === 0) expect(active, `${where}: a refund of the order ended the course`).toHaveLength(0)
    }
    const kept = order!.totalCents - order!.refundedCents - order!.chargedBackCents
    expect(balance, `${where}: coaching balance within what was bought`).toBeGreaterThanOrEqual(0)
    expect(balance, `${where}: coaching balance within what was bought`).toBeLessThanOrEqual(credits)
    if (kept < order!.totalCents) expect(balance, `${where}: no sessions while not fully paid`).toBe(0)
    if (clean) expect(balance, `${where}: every session while fully paid`).toBe(credits)
    if (anyRefund && paid.chargebacks.length === 0) expect(balance, `${where}: sessions a refund took stay lapsed`).toBe(0)
  }

  // Coupons: one redemption per paid order that used it, counted on the coupon.
  const [coupon] = await db.select().from(coupons).where(eq(coupons.code, COUPON_CODE))
  const paidWithCoupon = await db.select().from(orders).where(and(eq(orders.status, 'paid'), eq(orders.couponId, coupon!.id)))
  expect(coupon!.redemptionCount, 'coupon count = paid orders with the coupon').toBe(paidWithCoupon.length)
  expect(await db.select().from(couponRedemptions), 'one redemption per paid order with the coupon').toHaveLength(paidWithCoupon.length)

  // Invoices, credit notes and corrections share one gap-free numbering per year; each credit note has one cause.
  const years = new Map<number, number[]>()
  for (const i of allInvoices) years.set(i.year, [...(years.get(i.year) ?? []), i.sequence])
  for (const [year, sequences] of years) expect(sequences.sort((a, b) => a - b), `invoice numbers ${year} gap-free`).toEqual(sequences.map((_, i) => i + 1))
  for (const note of allInvoices.filter((i) => i.kind === 'credit_note')) {
    expect((note.refundId === null) !== (note.chargebackId === null), `credit note ${note.number} has one cause`).toBe(true)
    expect(note.totalCents, `credit note ${note.number} is negative`).toBeLessThan(0)
  }
}

/** A second payment for a paid order goes back whole, once, and is never counted on the order. */
function checkDuplicates(where: string, order: { paidPaymentId: string | null; totalCents: number }, attempts: EmulatorPayment[], localRefunds: Array<{ kind: string; paymentId: string }>) {
  const duplicates = attempts.filter((p) => p.status === 'paid' && p.id !== order.paidPaymentId)
  const duplicateRefunds = localRefunds.filter((r) => r.kind === 'duplicate_payment')
  expect(duplicateRefunds.map((r) => r.paymentId).sort(), `${where}: one refund per duplicate payment`).toEqual(duplicates.map((p) => p.id).sort())
  for (const duplicate of duplicates) expect(duplicate.refunds.map((r) => r.amountCents), `${where}: duplicate ${duplicate.id} refunded whole, once`).toEqual([order.totalCents])
}
