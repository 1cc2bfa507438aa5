import { chargebacks, couponRedemptions, coupons, desc, eq, inArray, orderLines, orders, payments, sql } from '@jouwbot/db'
import { FINAL_PAYMENT_STATUSES, isMolliePaymentId, type GatewayChargeback, type GatewayPayment, type GatewayRefund, type PaymentStatus } from '@jouwbot/payments'
import { isUuid } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import { grantCourseAccess } from '../courses/access.ts'
import type { AppDeps } from '../deps.ts'
import { recordStatEvent } from '../marketing/stats/record-stat-event.ts'
import { inTransaction, type TxDeps } from '../transaction.ts'
import { mailBuyer } from './buyer-mail.ts'
import { reserveDuplicateRefund, updateDuplicateRefunds } from './duplicate-payments.ts'
import { grantOrderCredits } from '../coaching/grant-order-credits.ts'
import { issueInvoice } from './issue-invoice.ts'
import { formatMoney } from '@jouwbot/shared/money'
import { applyEffects, newEffects, type OrderEffects } from './order-effects.ts'
import { orderPageUrl } from './order-page-url.ts'
import { pushRefundToMollie } from './push-refund-to-mollie.ts'
import { recordChargeback } from './record-chargeback.ts'
import { recordExternalRefund } from './record-external-refund.ts'
import { recordPayment } from './record-payment.ts'
import { isDeadRefund } from './refund-status.ts'
import { alertShop } from './shop-alerts.ts'
import type { OrderRow } from './types.ts'

export type ApplyOutcome = 'ignored' | 'applied' | 'mismatch'

/** A payment's status only moves forward: a final status is never replaced. */
const canMove = (from: PaymentStatus, to: PaymentStatus) => from !== to && !FINAL_PAYMENT_STATUSES.has(from)

const orderStatusFor = (status: PaymentStatus): OrderRow['status'] => (status === 'authorized' ? 'pending' : status)

/**
 * The webhook, the reconciliation job and the return page all end here. Only what Mollie answers
 * counts: the id we were given is looked up at Mollie, never trusted. An id Mollie does not know, or
 * a payment that is not for one of our orders, changes nothing.
 */
export async function applyPaymentFromMollie(deps: AppDeps, paymentId: string): Promise<ApplyOutcome> {
  if (!isMolliePaymentId(paymentId)) return 'ignored'
  const remote = await deps.payments.getPayment(paymentId)
  if (!remote) return 'ignored'
  const orderId = (remote.metadata as { orderId?: unknown } | null)?.orderId
  if (!isUuid(orderId)) return 'ignored'
  // Read before the transaction: no network call while the order row is locked.
  const [remoteRefunds, remoteChargebacks] = await Promise.all([
    remote.hasRefunds ? deps.payments.listRefunds(remote.id) : Promise.resolve([]),
    // Also once every chargeback is reversed: Mollie does not say a reversal leaves amountChargedBack above zero.
    remote.hasChargebacks || remote.amountChargedBackCents > 0 ? deps.payments.listChargebacks(remote.id) : Promise.resolve([]),
  ])
  const effects = newEffects()
  const now = deps.clock.now()
  const outcome = await inTransaction(deps, (tx) => applyInTransaction(tx, { remote, orderId, remoteRefunds, remoteChargebacks, effects, now }))
  await applyEffects(deps, effects)
  // Mollie unreachable: the refund stays `requested` and the reconciliation job asks again.
  for (const refund of effects.refunds) await pushRefundToMollie(deps, refund, null).catch(() => undefined)
  return outcome
}

interface RemoteState {
  remote: GatewayPayment
  orderId: string
  remoteRefunds: GatewayRefund[]
  remoteChargebacks: GatewayChargeback[]
  effects: OrderEffects
  now: Date
}

async function applyInTransaction(deps: TxDeps, state: RemoteState): Promise<ApplyOutcome> {
  const { remote, effects, now } = state
  const tx = deps.db
  const [order] = await tx.select().from(orders).where(eq(orders.id, state.orderId)).for('update')
  if (!order) return 'ignored'

  const attempts = await tx.select().from(payments).where(eq(payments.orderId, order.id)).orderBy(desc(payments.attempt), desc(payments.createdAt))
  let payment = attempts.find((row) => row.id === remote.id)
  if (!payment) {
    // The webhook beat the create call back to us: store the payment now; the create call will find it.
    await recordPayment(tx, { orderId: order.id, attempt: attempts.length + 1, payment: remote, now })
    ;[payment] = await tx.select().from(payments).where(eq(payments.id, remote.id))
    attempts.unshift(payment!)
  }
  if (!payment) return 'ignored'

  if (remote.amountCents !== order.totalCents || remote.currency !== order.currency || remote.mode !== order.mode) {
    if (!payment.mismatch) {
      await tx.update(payments).set({ mismatch: true, updatedAt: now }).where(eq(payments.id, payment.id))
      await recordAudit(
        tx,
        {
          actorUserId: null,
          subjectUserId: order.userId,
          action: 'payment.mismatch',
          details: { orderId: order.id, paymentId: remote.id, amountCents: remote.amountCents, currency: remote.currency, mode: remote.mode },
        },
        now,
      )
    }
    // Once money was taken it waits at Mollie for a person (once per payment: the alert's key).
    if (remote.status === 'paid' || remote.status === 'authorized') {
      const amount = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`
      const detail = `Betaling ${remote.id}: ${amount(remote.amountCents, remote.currency)} (${remote.mode}); de bestelling is ${amount(order.totalCents, order.currency)} (${order.mode}).`
      await alertShop(deps, { problem: 'paymentMismatch', orderId: order.id, amountCents: remote.amountCents, detail, cause: remote.id }, now)
    }
    return 'mismatch'
  }

  const moved = canMove(payment.status, remote.status)
  await tx
    .update(payments)
    .set(moved ? { status: remote.status, checkoutUrl: remote.checkoutUrl, updatedAt: now, lastCheckedAt: now } : { lastCheckedAt: now })
    .where(eq(payments.id, payment.id))

  if (order.status !== 'paid') {
    if (remote.status === 'paid') {
      await fulfilPaidOrder(deps, { order, remote, effects, now })
      order.status = 'paid'
      order.paidPaymentId = remote.id
    } else if (attempts[0]?.id === remote.id && orderStatusFor(remote.status) !== order.status) {
      // Only the newest attempt speaks for an unpaid order; a late "expired" of an older one does not.
      await tx.update(orders).set({ status: orderStatusFor(remote.status), updatedAt: now }).where(eq(orders.id, order.id))
    }
  } else if (remote.status === 'paid' && order.paidPaymentId !== remote.id) {
    // Once per payment (a unique key), however it reached us: a webhook, the job, a late create call.
    const refund = await reserveDuplicateRefund(tx, { order, remote, now })
    if (refund) effects.refunds.push(refund)
  }

  if (order.status === 'paid' && order.paidPaymentId === remote.id) {
    await applyMoneyNews(deps, { order, paymentId: remote.id, remoteRefunds: state.remoteRefunds, remoteChargebacks: state.remoteChargebacks, effects, now })
  } else {
    await updateDuplicateRefunds(deps, { order, remoteRefunds: state.remoteRefunds, now })
    for (const chargeback of state.remoteChargebacks) {
      // The bank gave a second payment back too: with our own refund that may be twice. A person decides.
      const detail = `Terugboeking ${chargeback.id} op betaling ${remote.id}, die niet de betaling van de bestelling is.`
      if (!chargeback.reversedAt) await alertShop(deps, { problem: 'duplicateChargeback', orderId: order.id, amountCents: chargeback.amountCents, detail, cause: chargeback.id }, now)
      // …and the person who was told hears that the bank took it back (once, keyed by the chargeback).
      else await alertShop(deps, { problem: 'chargebackReversed', orderId: order.id, amountCents: chargeback.amountCents, detail: `${detail} De bank heeft die terugboeking teruggedraaid.`, cause: chargeback.id }, now)
    }
  }
  return 'applied'
}

/**
 * One read of Mollie can bring several pieces of news. What gives money back to us (refunds that
 * failed or were canceled, reversed chargebacks) is applied before what takes money out (new
 * chargebacks, then refunds): each new one is capped by what is still out, and money that came back
 * in the same news is no longer out.
 */
async function applyMoneyNews(
  deps: TxDeps,
  input: { order: OrderRow; paymentId: string; remoteRefunds: GatewayRefund[]; remoteChargebacks: GatewayChargeback[]; effects: OrderEffects; now: Date },
): Promise<void> {
  const { order, paymentId, effects, now } = input
  const deadRefunds = input.remoteRefunds.filter((refund) => isDeadRefund(refund.status))
  const liveRefunds = input.remoteRefunds.filter((refund) => !isDeadRefund(refund.status))
  const reversed = input.remoteChargebacks.filter((chargeback) => chargeback.reversedAt)
  const standing = input.remoteChargebacks.filter((chargeback) => !chargeback.reversedAt)
  // A new chargeback in the same news takes back what a reversal would give back: access waits for
  // the next reversal (the reversal row keeps it), rather than being given and ended again at once.
  const known = standing.length === 0 ? [] : await deps.db.select({ id: chargebacks.id }).from(chargebacks).where(inArray(chargebacks.id, standing.map((chargeback) => chargeback.id)))
  const accessWaits = known.length < standing.length
  for (const refund of deadRefunds) await recordExternalRefund(deps, { order, paymentId, remote: refund, effects, now })
  for (const chargeback of reversed) await recordChargeback(deps, { order, paymentId, chargeback, effects, now, accessWaits })
  for (const chargeback of standing) await recordChargeback(deps, { order, paymentId, chargeback, effects, now })
  for (const refund of liveRefunds) await recordExternalRefund(deps, { order, paymentId, remote: refund, effects, now })
}

/** Everything a paid order delivers, each exactly once (unique keys), in the paying transaction. */
async function fulfilPaidOrder(deps: TxDeps, input: { order: OrderRow; remote: GatewayPayment; effects: OrderEffects; now: Date }) {
  const { order, remote, effects, now } = input
  const tx = deps.db
  const paidAt = remote.paidAt ?? now
  await tx.update(orders).set({ status: 'paid', paidAt, paidPaymentId: remote.id, updatedAt: now }).where(eq(orders.id, order.id))
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id))
  const credits = lines.reduce((sum, line) => sum + line.coachingCredits * line.quantity, 0)

  if (order.userId) {
    for (const line of lines) {
      if (!line.courseId) continue
      await grantCourseAccess(tx, { userId: order.userId, courseId: line.courseId, source: 'order', sourceRef: order.id, actorUserId: null }, now)
      effects.accessChangedFor.add(order.userId)
    }
    if (credits > 0) {
      await grantOrderCredits(tx, { userId: order.userId, orderId: order.id, credits, paidAt, now })
    }
  }

  if (order.couponId) {
    const redeemed = await tx
      .insert(couponRedemptions)
      .values({ couponId: order.couponId, orderId: order.id, redeemedAt: now })
      .onConflictDoNothing()
      .returning({ id: couponRedemptions.id })
    if (redeemed.length > 0) {
      await tx
        .update(coupons)
        .set({ redemptionCount: sql`${coupons.redemptionCount} + 1` })
        .where(eq(coupons.id, order.couponId))
    }
  }

  // marketing (statistics): once per order (this runs only on the step to paid); cannot fail the payment.
  await recordStatEvent(deps, { name: 'paid', userId: order.userId })

  const invoice = await issueInvoice(deps, { order, lines, paidAt, paymentId: remote.id, now })
  effects.issued.push(invoice)

  await mailBuyer(deps, {
    order,
    template: 'orderPaid',
    params: {
      productName: lines.map((line) => line.description).join(', '),
      amount: formatMoney(order.totalCents, order.locale),
      invoiceNumber: invoice.number,
      withdrawalWaived: order.withdrawalWaivedAt !== null,
      coachingSessions: credits,
      orderUrl: orderPageUrl(deps, order.id),
    },
    now,
  })
  await recordAudit(
    tx,
    { actorUserId: null, subjectUserId: order.userId, action: 'order.paid', details: { orderId: order.id, paymentId: remote.id, amountCents: remote.amountCents } },
    now,
  )
}
