import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { enforceRateLimit, rateLimitRules, withinRateLimit } from './rate-limits.ts'
import { mailTokenLink } from './mail-token-link.ts'
import { findUserByEmail } from './users.ts'

/** Always `{ ok: true }`: the answer never tells whether the address has an account. */
export async function requestPasswordReset(deps: AppDeps, email: string, ip: string): Promise<{ ok: true }> {
  await enforceRateLimit(deps, rateLimitRules.resetPerIp, `ip:${ip}`)
  const user = await findUserByEmail(deps.db, email)
  if (!user) return { ok: true }
  await inTransaction(deps, async (txDeps) => {
    if (!(await withinRateLimit(txDeps, rateLimitRules.resetPerAccount, `user:${user.id}`))) return
    await mailTokenLink(txDeps, { user, purpose: 'reset_password' })
  })
  deps.onMailQueued?.()
  return { ok: true }
}
