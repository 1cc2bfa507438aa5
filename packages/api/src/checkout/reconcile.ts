import { and, asc, chargebackReversals, chargebacks, eq, gt, inArray, isNull, lt, or, payments, refunds, type DbOrTx } from '@jouwbot/db'
import { OPEN_PAYMENT_STATUSES } from '@jouwbot/payments'
import type { AppDeps } from '../deps.ts'
import { applyPaymentFromMollie } from './apply-payment-from-mollie.ts'
import { pushRefundToMollie } from './push-refund-to-mollie.ts'

/** A payment is only looked at once Mollie had time to call the webhook itself. */
const QUIET_MS = 2 * 60_000
/** Mollie expires unpaid payments well within this; older ones are not worth asking about. */
const GIVE_UP_MS = 14 * 24 * 60 * 60_000
const BATCH = 100
/** Refunds on their way are looked up at most this often (banks take days; a failure must still surface). */
const REFUND_CHECK_EVERY_MS = 60 * 60_000
/** Mollie settles or fails a refund well within this. */
const REFUND_GIVE_UP_MS = 60 * 24 * 60 * 60_000
const UNSETTLED_REFUND_STATUSES = ['queued', 'pending', 'processing'] as const
/**
 * Chargebacks not reversed are looked up at most this often: a bank may reverse one weeks later, and
 * Mollie's webhook documentation does not promise a call for a reversal.
 */
const CHARGEBACK_CHECK_EVERY_MS = 24 * 60 * 60_000
/** Disputes are settled well within this; older chargebacks are final for us. */
const CHARGEBACK_GIVE_UP_MS = 180 * 24 * 60 * 60_000

/** Refunds whose create call never came back; the reconciliation job finishes them. */
function stuckRefunds(db: DbOrTx, olderThan: Date) {
  return db
    .select()
    .from(refunds)
    .where(and(eq(refunds.status, 'requested'), lt(refunds.createdAt, olderThan)))
    .limit(50)
}

function stuckPayments(db: DbOrTx, now: Date) {
  return db
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        inArray(payments.status, [...OPEN_PAYMENT_STATUSES]),
        lt(payments.createdAt, new Date(now.getTime() - QUIET_MS)),
        gt(payments.createdAt, new Date(now.getTime() - GIVE_UP_MS)),
      ),
    )
    .orderBy(asc(payments.lastCheckedAt))
    .limit(BATCH)
}

/** Payments with a refund Mollie accepted but has not settled, unchanged for an hour. */
async function paymentsWithUnsettledRefunds(db: DbOrTx, now: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ paymentId: refunds.paymentId })
    .from(refunds)
    .where(
      and(
        inArray(refunds.status, [...UNSETTLED_REFUND_STATUSES]),
        lt(refunds.updatedAt, new Date(now.getTime() - REFUND_CHECK_EVERY_MS)),
        gt(refunds.createdAt, new Date(now.getTime() - REFUND_GIVE_UP_MS)),
      ),
    )
    .limit(BATCH)
  return rows.map((row) => row.paymentId)
}

/** Payments with a chargeback that stands (no reversal recorded), not looked at for a day. */
async function paymentsWithStandingChargebacks(db: DbOrTx, now: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ paymentId: chargebacks.paymentId })
    .from(chargebacks)
    .leftJoin(chargebackReversals, eq(chargebackReversals.chargebackId, chargebacks.id))
    .innerJoin(payments, eq(payments.id, chargebacks.paymentId))
    .where(
      and(
        isNull(chargebackReversals.chargebackId),
        gt(chargebacks.createdAt, new Date(now.getTime() - CHARGEBACK_GIVE_UP_MS)),
        or(isNull(payments.lastCheckedAt), lt(payments.lastCheckedAt, new Date(now.getTime() - CHARGEBACK_CHECK_EVERY_MS))),
      ),
    )
    .limit(BATCH)
  return rows.map((row) => row.paymentId)
}

/**
 * The safety net under the webhook: payments still open or pending are fetched again and applied
 * exactly as the webhook would; refunds whose create call never answered are finished; refunds on
 * their way are looked up hourly, so one that fails at the bank is handled even without a webhook;
 * payments with a chargeback that stands are looked up daily, so a reversal is found without one too.
 */
export async function reconcilePayments(deps: AppDeps): Promise<{ checked: number; failed: number; refundsResumed: number }> {
  const now = deps.clock.now()
  let checked = 0
  let failed = 0
  for (const { id } of await stuckPayments(deps.db, now)) {
    try {
      await applyPaymentFromMollie(deps, id)
      checked += 1
    } catch {
      failed += 1
    }
  }
  let refundsResumed = 0
  for (const refund of await stuckRefunds(deps.db, new Date(now.getTime() - QUIET_MS))) {
    try {
      await pushRefundToMollie(deps, refund, null)
      refundsResumed += 1
    } catch {
      failed += 1
    }
  }
  for (const paymentId of await paymentsWithUnsettledRefunds(deps.db, now)) {
    try {
      await applyPaymentFromMollie(deps, paymentId)
      // Still on their way: next look in an hour.
      await deps.db
        .update(refunds)
        .set({ updatedAt: now })
        .where(and(eq(refunds.paymentId, paymentId), inArray(refunds.status, [...UNSETTLED_REFUND_STATUSES]), lt(refunds.updatedAt, now)))
      checked += 1
    } catch {
      failed += 1
    }
  }
  for (const paymentId of await paymentsWithStandingChargebacks(deps.db, now)) {
    try {
      // Stamps the payment's lastCheckedAt: the next look is a day later.
      await applyPaymentFromMollie(deps, paymentId)
      checked += 1
    } catch {
      failed += 1
    }
  }
  return { checked, failed, refundsResumed }
}
