import type { UserRow } from '@jouwbot/auth'
import { enforceRateLimit } from '../auth/rate-limits.ts'
import type { AppDeps } from '../deps.ts'
import { ownOrder } from './order-details.ts'
import { checkoutRateLimits } from './rate-limits.ts'
import { startPaymentAttempt } from './start-payment-attempt.ts'

/** Pay (again) for one's own unpaid order. */
export async function startOrderPayment(deps: AppDeps, user: UserRow, orderId: string) {
  await ownOrder(deps.db, user, orderId)
  await enforceRateLimit(deps, checkoutRateLimits.paymentStartsPerMember, `user:${user.id}`)
  return startPaymentAttempt(deps, orderId)
}
