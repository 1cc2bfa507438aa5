import type { UserRow } from '@jouwbot/auth'
import { coachingCredits, eq, sql } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'

/**
 * The member's coaching sessions to spend: the sum of their credit ledger (bought, taken back by a
 * refund or chargeback, given back by a reversal). Shown on the account page until the coaching
 * domain books sessions itself.
 */
export async function getCoachingBalance(deps: Pick<AppDeps, 'db'>, member: Pick<UserRow, 'id'>): Promise<{ sessions: number }> {
  const [row] = await deps.db
    .select({ sessions: sql<number>`coalesce(sum(${coachingCredits.delta}), 0)::int` })
    .from(coachingCredits)
    .where(eq(coachingCredits.userId, member.id))
  return { sessions: Math.max(0, row?.sessions ?? 0) }
}
