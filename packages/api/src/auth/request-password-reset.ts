import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { enforceRateLimit, rateLimitRules, withinRateLimit } from './rate-limits.ts'
import { mailTokenLink } from './mail-token-link.ts'
import { findUserByEmail } from './users.ts'

/**
 * Always `{ ok: true }`, and the same work before it for every address (the per-IP count): the
 * lookup and the mail come after the answer (`afterAnswer`), so neither the answer nor its timing
 * tells whether the address has an account.
 */
export async function requestPasswordReset(deps: AppDeps, email: string, ip: string): Promise<{ ok: true }> {
  await enforceRateLimit(deps, rateLimitRules.resetPerIp, `ip:${ip}`)
  deps.afterAnswer(() => mailPasswordReset(deps, email))
  return { ok: true }
}

async function mailPasswordReset(deps: AppDeps, email: string): Promise<void> {
  const user = await findUserByEmail(deps.db, email)
  if (!user) return
  await inTransaction(deps, async (txDeps) => {
    if (!(await withinRateLimit(txDeps, rateLimitRules.resetPerAccount, `user:${user.id}`))) return
    await mailTokenLink(txDeps, { user, purpose: 'reset_password' })
  })
  deps.onMailQueued?.()
}
