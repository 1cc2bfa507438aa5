import type { DbOrTx } from '@jouwbot/db'
import { grantCreditsInLedger } from './credit-ledger.ts'

/** A paid order's coaching credits, once per order (the ledger's unique key), valid 12 months from payment. */
export function grantOrderCredits(tx: DbOrTx, options: { userId: string; orderId: string; credits: number; paidAt: Date; now: Date }): Promise<number> {
  return grantCreditsInLedger(tx, { reason: 'order', userId: options.userId, orderId: options.orderId, credits: options.credits, grantedAt: options.paidAt, now: options.now })
}
