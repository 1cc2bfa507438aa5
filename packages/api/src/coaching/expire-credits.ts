import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { expireDueCredits } from './credit-ledger.ts'

/** Hourly: credits past their expiry leave the balance, once each, written to the ledger. */
export async function expireCredits(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<{ expired: number }> {
  const perUser = await inTransaction(deps, (tx) => expireDueCredits(tx.db, tx.clock.now()))
  return { expired: [...perUser.values()].reduce((total, n) => total + n, 0) }
}
