import { and, eq, gt, isNotNull, orders, payments } from '@jouwbot/db'
import { isMolliePaymentId } from '@jouwbot/payments'
import { withinRateLimit } from '../auth/rate-limits.ts'
import type { AppDeps } from '../deps.ts'
import { applyPaymentFromMollie, type ApplyOutcome } from './apply-payment-from-mollie.ts'
import { checkoutRateLimits } from './rate-limits.ts'

/**
 * A create call whose answer never came back (a crash, a timeout) leaves its marker; for this long a
 * webhook for an unknown id may still be that payment (Mollie expires unpaid ones within this).
 */
export const PAYMENT_CREATION_ALLOWANCE_MS = 60 * 60_000

/**
 * `POST /webhooks/mollie`. An id we stored is fetched from Mollie and applied. An id we never stored
 * is looked up only while one of our create calls is under way (the webhook may beat its answer), and
 * then throttled for the whole shop; otherwise it cannot be ours and costs no call to Mollie.
 * `throttled`: the caller answers 503, so a real early webhook comes again (Mollie retries).
 */
export async function applyMollieWebhook(deps: AppDeps, input: { paymentId: string }): Promise<ApplyOutcome | 'throttled'> {
  const { paymentId } = input
  if (!isMolliePaymentId(paymentId)) return 'ignored'
  const [known] = await deps.db.select({ id: payments.id }).from(payments).where(eq(payments.id, paymentId)).limit(1)
  if (known) return applyPaymentFromMollie(deps, paymentId)
  if (!(await creationUnderWay(deps))) return 'ignored'
  if (!(await withinRateLimit(deps, checkoutRateLimits.unknownWebhookLookups, 'shop'))) return 'throttled'
  return applyPaymentFromMollie(deps, paymentId)
}

async function creationUnderWay(deps: AppDeps): Promise<boolean> {
  const since = new Date(deps.clock.now().getTime() - PAYMENT_CREATION_ALLOWANCE_MS)
  const [row] = await deps.db
    .select({ id: orders.id })
    .from(orders)
    .where(and(isNotNull(orders.paymentCreationStartedAt), gt(orders.paymentCreationStartedAt, since)))
    .limit(1)
  return row !== undefined
}
