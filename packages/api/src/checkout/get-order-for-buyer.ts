import type { UserRow } from '@jouwbot/auth'
import { desc, eq, payments } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { applyPaymentFromMollie } from './apply-payment-from-mollie.ts'
import { ownOrder, withDetails } from './order-details.ts'

/** The return page asks Mollie itself at most this often while an order is still open. */
const RETURN_PAGE_FETCH_MS = 3_000

/**
 * The return page. A `status=paid` in a URL proves nothing: the order's state comes from the
 * webhook, or — while it is still open — from asking Mollie directly (throttled per payment).
 */
export async function getOrderForBuyer(deps: AppDeps, user: UserRow, orderId: string) {
  let order = await ownOrder(deps.db, user, orderId)
  if (order.status === 'open' || order.status === 'pending') {
    const [latest] = await deps.db.select().from(payments).where(eq(payments.orderId, order.id)).orderBy(desc(payments.attempt), desc(payments.createdAt)).limit(1)
    const now = deps.clock.now().getTime()
    if (latest && (!latest.lastCheckedAt || now - latest.lastCheckedAt.getTime() > RETURN_PAGE_FETCH_MS)) {
      // A failure here only means we show "processing" a little longer; the webhook and job still come.
      await applyPaymentFromMollie(deps, latest.id).catch(() => undefined)
      order = await ownOrder(deps.db, user, orderId)
    }
  }
  const [details] = await withDetails(deps.db, [order])
  return details!
}
