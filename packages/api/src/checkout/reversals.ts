import { randomUUID } from 'node:crypto'
import { and, chargebackReversals, chargebacks, eq, inArray, invoices, isNull, orderLines, orders, refunds, sql, type DbOrTx } from '@jouwbot/db'
import type { GatewayChargeback, GatewayRefund } from '@jouwbot/payments'
import { recordAudit } from '../audit/record-audit.ts'
import { grantCourseAccess, revokeCourseAccess } from '../courses/access.ts'
import type { AppDeps } from '../deps.ts'
import type { OrderEffects, OrderRow } from './apply-payment.ts'
import { mailBuyer } from './buyer-mail.ts'
import { isDeadRefund, refundMayMove } from './refund-status.ts'
import { alertShop } from './shop-alerts.ts'
import { restoreOrderCredits, takeBackOrderCredits } from '../coaching/take-back-order-credits.ts'
import { issueCreditNote, issueCreditNoteCorrection } from './invoices.ts'
import { formatEuro } from './money.ts'
import { orderPageUrl } from './payment-attempts.ts'

type RefundRow = typeof refunds.$inferSelect
type ChargebackRow = typeof chargebacks.$inferSelect


interface Revoked {
  /** The order's course access ended now. */
  courseEnded: boolean
  /** Unspent coaching sessions of the order taken back now. */
  sessionsLapsed: number
}

/**
 * Access and coaching credits belong to a fully paid order. Once refunds or chargebacks leave less
 * than the order's price with us, the order no longer pays for what it delivered: the course access
 * it granted ends and its unspent credits are taken back — once per cause (the refund or chargeback:
 * a unique key), and never more than the order still has out. A withdrawal from the coaching only
 * (`keepCourse`) takes back the sessions and leaves the course.
 */
async function revokeIfUncovered(
  tx: DbOrTx,
  order: OrderRow,
  actorUserId: string | null,
  effects: OrderEffects,
  now: Date,
  { cause, keepCourse = false, deps }: { cause: string; keepCourse?: boolean; deps: AppDeps },
): Promise<Revoked> {
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

async function orderInvoice(tx: DbOrTx, orderId: string) {
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), eq(invoices.kind, 'invoice'), isNull(invoices.correctsInvoiceId)))
    .limit(1)
  return invoice
}

async function orderVatRate(tx: DbOrTx, orderId: string): Promise<number> {
  const [line] = await tx.select({ rate: orderLines.vatRateBasisPoints }).from(orderLines).where(eq(orderLines.orderId, orderId)).limit(1)
  return line?.rate ?? 2100
}

async function addToOrder(tx: DbOrTx, orderId: string, change: { refundedCents?: number; chargedBackCents?: number }, now: Date): Promise<OrderRow> {
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

/**
 * A chargeback Mollie reports: recorded once, with a credit note; access ends. Once Mollie reports
 * it reversed (`reversedAt`), the reversal is recorded once and undoes what it took.
 */
export async function recordChargeback(
  tx: DbOrTx,
  deps: AppDeps,
  order: OrderRow,
  paymentId: string,
  chargeback: GatewayChargeback,
  effects: OrderEffects,
  now: Date,
): Promise<void> {
  const [known] = await tx.select().from(chargebacks).where(eq(chargebacks.id, chargeback.id))
  if (known) {
    if (chargeback.reversedAt) await recordChargebackReversal(tx, deps, order, known, chargeback.reversedAt, effects, now)
    return
  }
  if (chargeback.reversedAt) {
    // Reversed before we heard of it: it took nothing. Kept, with its reversal, so older news of it
    // (a list read before the reversal) finds it known and counts nothing.
    const [row] = await tx
      .insert(chargebacks)
      .values({ id: chargeback.id, orderId: order.id, paymentId, amountCents: chargeback.amountCents, countedCents: 0, createdAt: chargeback.createdAt, recordedAt: now })
      .onConflictDoNothing()
      .returning()
    if (row) await recordChargebackReversal(tx, deps, order, row, chargeback.reversedAt, effects, now)
    return
  }
  // Never more than is left: the bank took back money we may already have refunded.
  const amountCents = Math.max(0, Math.min(chargeback.amountCents, order.totalCents - order.refundedCents - order.chargedBackCents))
  const inserted = await tx
    .insert(chargebacks)
    .values({ id: chargeback.id, orderId: order.id, paymentId, amountCents: chargeback.amountCents, countedCents: amountCents, createdAt: chargeback.createdAt, recordedAt: now })
    .onConflictDoNothing()
    .returning({ id: chargebacks.id })
  if (inserted.length === 0) return
  const updated = await addToOrder(tx, order.id, { chargedBackCents: amountCents }, now)
  Object.assign(order, updated)
  const invoice = await orderInvoice(tx, order.id)
  if (amountCents > 0 && invoice) {
    const note = await issueCreditNote(tx, deps, { order, invoice, amountCents, vatRateBasisPoints: await orderVatRate(tx, order.id), chargebackId: chargeback.id }, now)
    effects.issued.push(note)
  }
  await recordAudit(
    tx,
    { actorUserId: null, subjectUserId: order.userId, action: 'order.chargeback', details: { orderId: order.id, paymentId, chargebackId: chargeback.id, amountCents } },
    now,
  )
  const { courseEnded, sessionsLapsed } = await revokeIfUncovered(tx, order, null, effects, now, { cause: chargeback.id, deps })
  // What a reversal may have to give back.
  if (courseEnded || sessionsLapsed > 0) await tx.update(chargebacks).set({ endedCourse: courseEnded, sessionsLapsed }).where(eq(chargebacks.id, chargeback.id))
}

/**
 * The bank reversed a chargeback: the money is ours again. Once per chargeback (the reversal row's
 * key, in this transaction): what it took counts on the order no more, an invoice corrects its credit
 * note, access it ended comes back when nothing else stands in the way, and buyer and shop are told.
 */
async function recordChargebackReversal(tx: DbOrTx, deps: AppDeps, order: OrderRow, chargeback: ChargebackRow, reversedAt: Date, effects: OrderEffects, now: Date): Promise<void> {
  const inserted = await tx
    .insert(chargebackReversals)
    .values({ chargebackId: chargeback.id, orderId: order.id, amountCents: chargeback.countedCents, reversedAt, recordedAt: now })
    .onConflictDoNothing()
    .returning({ id: chargebackReversals.chargebackId })
  if (inserted.length === 0) return
  if (chargeback.countedCents > 0) Object.assign(order, await addToOrder(tx, order.id, { chargedBackCents: -chargeback.countedCents }, now))
  const [creditNote] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.chargebackId, chargeback.id), eq(invoices.kind, 'credit_note')))
    .limit(1)
  const correction = creditNote ? await issueCreditNoteCorrection(tx, deps, { order, creditNote, because: 'chargebackReversed' }, now) : null
  if (correction) effects.issued.push(correction)
  const restored = await restoreAccessIfPaidFor(tx, order, effects, now)
  await recordAudit(
    tx,
    {
      actorUserId: null,
      subjectUserId: order.userId,
      action: 'order.chargeback_reversed',
      details: {
        orderId: order.id,
        paymentId: chargeback.paymentId,
        chargebackId: chargeback.id,
        amountCents: chargeback.countedCents,
        correction: correction?.number ?? null,
        courseRestored: restored.courseRestored,
        sessionsRestored: restored.sessionsRestored,
      },
    },
    now,
  )
  // Nothing was counted (it was reversed before we heard of it, or nothing was left): nobody was told, nothing to undo.
  if (!correction) return
  await mailBuyer(
    tx,
    deps,
    order,
    'chargebackReversed',
    {
      amount: formatEuro(chargeback.countedCents, order.locale),
      correctionNumber: correction.number,
      courseRestored: restored.courseRestored,
      sessionsRestored: restored.sessionsRestored,
      orderUrl: orderPageUrl(deps, order.id),
    },
    now,
  )
  const ended = chargeback.endedCourse || chargeback.sessionsLapsed > 0
  const detail =
    `Terugboeking ${chargeback.id} op betaling ${chargeback.paymentId} is teruggedraaid; correctiefactuur ${correction.number} corrigeert de creditnota en de koper kreeg een mail.` +
    (restored.courseRestored || restored.sessionsRestored > 0
      ? ` Weer gegeven: ${[restored.courseRestored ? 'de cursustoegang' : null, restored.sessionsRestored > 0 ? `${restored.sessionsRestored} coachingsessie(s)` : null].filter(Boolean).join(' en ')}.`
      : ended
        ? ' Wat de terugboeking beëindigde, blijft beëindigd zolang een andere terugboeking of terugbetaling op de bestelling staat.'
        : '')
  await alertShop(tx, deps, { problem: 'chargebackReversed', orderId: order.id, amountCents: chargeback.countedCents, detail, cause: chargeback.id }, now)
}

/**
 * Gives back what reversed chargebacks of the order ended, once the order is paid for again: no
 * chargeback stands, and no refund that would itself have ended it (any counted refund for the
 * sessions; a refund of the order, not a withdrawal from the coaching only, for the course). Each
 * reversal's access comes back once (`accessRestoredAt`; the ledger's unique key per cause).
 */
async function restoreAccessIfPaidFor(tx: DbOrTx, order: OrderRow, effects: OrderEffects, now: Date): Promise<{ courseRestored: boolean; sessionsRestored: number }> {
  const restored = { courseRestored: false, sessionsRestored: 0 }
  if (order.chargedBackCents > 0 || !order.userId) return restored
  const userId = order.userId
  const waiting = await tx
    .select({ chargeback: chargebacks })
    .from(chargebackReversals)
    .innerJoin(chargebacks, eq(chargebacks.id, chargebackReversals.chargebackId))
    .where(and(eq(chargebackReversals.orderId, order.id), isNull(chargebackReversals.accessRestoredAt)))
  const toRestore = waiting.map((row) => row.chargeback).filter((chargeback) => chargeback.endedCourse || chargeback.sessionsLapsed > 0)
  if (toRestore.length === 0) return restored
  const orderRefunds = await tx
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.orderId, order.id), eq(refunds.kind, 'order'), inArray(refunds.status, ['requested', 'queued', 'pending', 'processing', 'refunded'])))
    .limit(1)
  const courseMayReturn = orderRefunds.length === 0
  const sessionsMayReturn = order.refundedCents === 0
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id))
  for (const chargeback of toRestore) {
    let done = false
    if (chargeback.endedCourse && courseMayReturn) {
      for (const line of lines) {
        if (!line.courseId) continue
        await grantCourseAccess(tx, { userId, courseId: line.courseId, source: 'order', sourceRef: order.id, actorUserId: null }, now)
      }
      effects.accessChangedFor.add(userId)
      restored.courseRestored = true
      done = true
    }
    if (chargeback.sessionsLapsed > 0 && sessionsMayReturn) {
      restored.sessionsRestored += await restoreOrderCredits(tx, { orderId: order.id, userId, credits: chargeback.sessionsLapsed, cause: chargeback.id, now })
      done = true
    }
    if (done && (!chargeback.endedCourse || courseMayReturn) && (chargeback.sessionsLapsed === 0 || sessionsMayReturn)) {
      await tx.update(chargebackReversals).set({ accessRestoredAt: now }).where(eq(chargebackReversals.chargebackId, chargeback.id))
    }
  }
  return restored
}

/**
 * A refund Mollie reports on the order's payment. Our own refunds are found by id (or by the request
 * id in their metadata, if we never heard back from the create call); one made in Mollie's
 * dashboard is recorded here as well, so every euro that went back has its credit note.
 */
export async function recordExternalRefund(
  tx: DbOrTx,
  deps: AppDeps,
  order: OrderRow,
  paymentId: string,
  remote: GatewayRefund,
  effects: OrderEffects,
  now: Date,
): Promise<void> {
  const requestId = (remote.metadata as { refundRequestId?: unknown } | null)?.refundRequestId
  const [byMollieId] = await tx.select().from(refunds).where(eq(refunds.mollieRefundId, remote.id)).for('update')
  const [byRequestId] =
    byMollieId || typeof requestId !== 'string'
      ? []
      : await tx
          .select()
          .from(refunds)
          .where(and(eq(refunds.id, requestId), eq(refunds.orderId, order.id)))
          .for('update')
  let local = byMollieId ?? byRequestId
  if (isDeadRefund(remote.status)) {
    // One we never knew of that failed changed nothing; one of ours is undone.
    if (local) await recordFailedRefund(tx, deps, order, local, remote, effects, now)
    return
  }
  if (!local) {
    const amountCents = Math.min(remote.amountCents, order.totalCents - order.refundedCents - order.chargedBackCents)
    if (amountCents <= 0) return
    ;[local] = await tx
      .insert(refunds)
      .values({
        id: randomUUID(),
        orderId: order.id,
        paymentId,
        mollieRefundId: remote.id,
        amountCents,
        status: remote.status,
        reason: 'Mollie dashboard',
        requestedBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    Object.assign(order, await addToOrder(tx, order.id, { refundedCents: amountCents }, now))
  }
  await completeAcceptedRefund(tx, deps, order, local!, remote, null, effects, now)
}

/**
 * Mollie accepted a refund we already counted on the order: remember its id, issue the credit note
 * (once: unique per refund), tell the buyer, and end access when the order is no longer paid for.
 */
export async function completeAcceptedRefund(
  tx: DbOrTx,
  deps: AppDeps,
  order: OrderRow,
  local: RefundRow,
  remote: GatewayRefund,
  actorUserId: string | null,
  effects: OrderEffects,
  now: Date,
): Promise<{ creditNoteNumber: string | null }> {
  if (isDeadRefund(remote.status)) {
    await recordFailedRefund(tx, deps, order, local, remote, effects, now)
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
  const note = await issueCreditNote(tx, deps, { order, invoice, amountCents: local.amountCents, vatRateBasisPoints: await orderVatRate(tx, order.id), refundId: local.id }, now)
  effects.issued.push(note)
  const { courseEnded, sessionsLapsed } = await revokeIfUncovered(tx, order, actorUserId, effects, now, { cause: local.id, keepCourse: local.kind === 'coaching_withdrawal', deps })
  const [line] = await tx.select({ description: orderLines.description }).from(orderLines).where(eq(orderLines.orderId, order.id)).limit(1)
  await mailBuyer(
    tx,
    deps,
    order,
    'orderRefunded',
    {
      productName: line?.description ?? '',
      amount: formatEuro(local.amountCents, order.locale),
      creditNoteNumber: note.number,
      courseEnded,
      sessionsLapsed,
      orderUrl: orderPageUrl(deps, order.id),
    },
    now,
  )
  await recordAudit(
    tx,
    { actorUserId, subjectUserId: order.userId, action: 'order.refunded', details: { orderId: order.id, refundId: local.id, mollieRefundId: remote.id, amountCents: local.amountCents } },
    now,
  )
  return { creditNoteNumber: note.number }
}

/**
 * A refund Mollie accepted and then did not carry out (it failed at the bank, or was canceled while
 * queued): the money stayed with us. It stops counting on the order, so it can be refunded again;
 * its credit note, if issued, is corrected by an invoice; the buyer, who was told, hears it failed.
 * Access that ended with the refund stays ended: whether to grant it again or refund again is an
 * admin's call (the audit log names the refund).
 */
async function recordFailedRefund(tx: DbOrTx, deps: AppDeps, order: OrderRow, local: RefundRow, remote: GatewayRefund, effects: OrderEffects, now: Date): Promise<void> {
  // Already failed, or refunded: Mollie's refunded is final, the money reached the buyer.
  if (!refundMayMove(local.status, remote.status)) return
  await tx.update(refunds).set({ mollieRefundId: remote.id, status: remote.status, updatedAt: now }).where(eq(refunds.id, local.id))
  Object.assign(order, await addToOrder(tx, order.id, { refundedCents: -local.amountCents }, now))
  const [creditNote] = await tx.select().from(invoices).where(eq(invoices.refundId, local.id)).limit(1)
  const correction = creditNote ? await issueCreditNoteCorrection(tx, deps, { order, creditNote, because: 'refundFailed' }, now) : null
  if (correction) {
    effects.issued.push(correction)
    await mailBuyer(tx, deps, order, 'refundFailed', { amount: formatEuro(local.amountCents, order.locale), corrected: true, orderUrl: orderPageUrl(deps, order.id) }, now)
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
  await alertShop(tx, deps, { problem: 'refundFailed', orderId: order.id, amountCents: local.amountCents, detail, cause: local.id }, now)
}
