import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { enforceRateLimit, rateLimitRules } from './rate-limits.ts'
import { findUserByEmail } from './users.ts'
import { queueVerificationMail } from './queue-verification-mail.ts'

/** Same answer whether or not the address exists or is already verified. */
export async function resendVerification(deps: AppDeps, email: string, ip: string): Promise<{ ok: true }> {
  await enforceRateLimit(deps, rateLimitRules.resetPerIp, `ip:${ip}`)
  const user = await findUserByEmail(deps.db, email)
  if (!user || user.emailVerifiedAt) return { ok: true }
  await inTransaction(deps, (txDeps) => queueVerificationMail(txDeps, user))
  deps.onMailQueued?.()
  return { ok: true }
}
