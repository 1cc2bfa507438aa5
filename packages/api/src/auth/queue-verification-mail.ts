import type { UserRow } from '@jouwbot/auth'
import type { TxDeps } from '../transaction.ts'
import { rateLimitRules, withinRateLimit } from './rate-limits.ts'
import { mailTokenLink } from './mail-token-link.ts'

/** A fresh verification link (the previous one stops working); skipped silently when throttled. */
export async function queueVerificationMail(tx: TxDeps, user: UserRow): Promise<void> {
  if (!(await withinRateLimit(tx, rateLimitRules.verificationMailPerAccount, `user:${user.id}`))) return
  await mailTokenLink(tx, { user, purpose: 'verify_email' })
}
