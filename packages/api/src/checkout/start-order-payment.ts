import type { UserRow } from '@jouwbot/auth'
import type { AppDeps } from '../deps.ts'
import { ownOrder } from './order-details.ts'
import { startPaymentAttempt } from './start-payment-attempt.ts'

/** Pay (again) for one's own unpaid order. */
export async function startOrderPayment(deps: AppDeps, user: UserRow, orderId: string) {
  await ownOrder(deps.db, user, orderId)
  return startPaymentAttempt(deps, orderId)
}
