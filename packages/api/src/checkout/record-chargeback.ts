import { and, chargebackReversals, chargebacks, eq, inArray, invoices, isNull, orderLines, refunds, type Tx } from '@jouwbot/db'
import { restoreOrderCredits } from '../coaching/take-back-order-credits.ts'
import type { GatewayChargeback } from '@jouwbot/payments'
import { recordAudit } from '../audit/record-audit.ts'
import { grantCourseAccess } from '../courses/access.ts'
import type { TxDeps } from '../transaction.ts'
import { mailBuyer } from './buyer-mail.ts'
import { issueCreditNoteCorrection } from './issue-credit-note-correction.ts'
import { issueCreditNote } from './issue-credit-note.ts'
import { formatMoney } from '@jouwbot/shared/money'
import type { OrderEffects } from './order-effects.ts'
import { orderPageUrl } from './order-page-url.ts'
import { addToOrder, orderInvoice, orderVatRate, revokeIfUncovered } from './reversal-helpers.ts'
import { alertShop } from './shop-alerts.ts'
import type { ChargebackRow, OrderRow } from './types.ts'

/**
 * A chargeback Mollie reports: recorded once, with a credit note; access ends. Once Mollie reports
 * it reversed (`reversedAt`), the reversal is recorded once and undoes what it took.
 */
export async function recordChargeback(
  deps: TxDeps,
  input: { order: OrderRow; paymentId: string; chargeback: GatewayChargeback; effects: OrderEffects; now: Date; accessWaits?: boolean },
): Promise<void> {
  const { order, paymentId, chargeback, effects, now, accessWaits = false } = input
  const tx = deps.db
  const [known] = await tx.select().from(chargebacks).where(eq(chargebacks.id, chargeback.id))
  if (known) {
    if (chargeback.reversedAt) await recordChargebackReversal(deps, { order, chargeback: known, reversedAt: chargeback.reversedAt, effects, now, accessWaits })
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
    if (row) await recordChargebackReversal(deps, { order, chargeback: row, reversedAt: chargeback.reversedAt, effects, now, accessWaits })
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
    const note = await issueCreditNote(deps, { order, invoice, amountCents, vatRateBasisPoints: await orderVatRate(tx, order.id), chargebackId: chargeback.id, now })
    effects.issued.push(note)
  }
  await recordAudit(
    tx,
    { actorUserId: null, subjectUserId: order.userId, action: 'order.chargeback', details: { orderId: order.id, paymentId, chargebackId: chargeback.id, amountCents } },
    now,
  )
  const { courseEnded, sessionsLapsed } = await revokeIfUncovered(deps, { order, actorUserId: null, effects, now, cause: chargeback.id })
  // What a reversal may have to give back.
  if (courseEnded || sessionsLapsed > 0) await tx.update(chargebacks).set({ endedCourse: courseEnded, sessionsLapsed }).where(eq(chargebacks.id, chargeback.id))
}

/**
 * The bank reversed a chargeback: the money is ours again. Once per chargeback (the reversal row's
 * key, in this transaction): what it took counts on the order no more, an invoice corrects its credit
 * note, access it ended comes back when nothing else stands in the way, and buyer and shop are told.
 */
async function recordChargebackReversal(
  deps: TxDeps,
  input: { order: OrderRow; chargeback: ChargebackRow; reversedAt: Date; effects: OrderEffects; now: Date; accessWaits: boolean },
): Promise<void> {
  const { order, chargeback, reversedAt, effects, now, accessWaits } = input
  const tx = deps.db
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
  const correction = creditNote ? await issueCreditNoteCorrection(deps, { order, creditNote, because: 'chargebackReversed', now }) : null
  if (correction) effects.issued.push(correction)
  const restored = accessWaits ? { courseRestored: false, sessionsRestored: 0 } : await restoreAccessIfPaidFor(tx, order, effects, now)
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
  await mailBuyer(deps, {
    order,
    template: 'chargebackReversed',
    params: {
      amount: formatMoney(chargeback.countedCents, order.locale),
      correctionNumber: correction.number,
      courseRestored: restored.courseRestored,
      sessionsRestored: restored.sessionsRestored,
      orderUrl: orderPageUrl(deps, order.id),
    },
    now,
  })
  const ended = chargeback.endedCourse || chargeback.sessionsLapsed > 0
  const detail =
    `Terugboeking ${chargeback.id} op betaling ${chargeback.paymentId} is teruggedraaid; correctiefactuur ${correction.number} corrigeert de creditnota en de koper kreeg een mail.` +
    (restored.courseRestored || restored.sessionsRestored > 0
      ? ` Weer gegeven: ${[restored.courseRestored ? 'de cursustoegang' : null, restored.sessionsRestored > 0 ? `${restored.sessionsRestored} coachingsessie(s)` : null].filter(Boolean).join(' en ')}.`
      : ended
        ? ' Wat de terugboeking beëindigde, blijft beëindigd zolang een andere terugboeking of terugbetaling op de bestelling staat.'
        : '')
  await alertShop(deps, { problem: 'chargebackReversed', orderId: order.id, amountCents: chargeback.countedCents, detail, cause: chargeback.id }, now)
}

/**
 * Gives back what reversed chargebacks of the order ended, once the order is paid for again: no
 * chargeback stands, and no refund that would itself have ended it (any counted refund for the
 * sessions; a refund of the order, not a withdrawal from the coaching only, for the course). Each
 * reversal's access comes back once (`accessRestoredAt`; the ledger's unique key per cause).
 */
async function restoreAccessIfPaidFor(tx: Tx, order: OrderRow, effects: OrderEffects, now: Date): Promise<{ courseRestored: boolean; sessionsRestored: number }> {
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
