import type { UserRow } from '@jouwbot/auth'
import { eq, users, type DbOrTx } from '@jouwbot/db'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { enforceRateLimit, rateLimitRules, withinRateLimit } from './rate-limits.ts'
import { mailTokenLink } from './mail-token-link.ts'
import { consumeUserToken } from './user-tokens.ts'
import { findUserByEmail } from './users.ts'

export async function verifyEmail(deps: AppDeps, token: string): Promise<{ ok: true }> {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const row = await consumeUserToken(tx, token, 'verify_email', now)
    await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, row.userId))
    await recordAudit(tx, { actorUserId: row.userId, subjectUserId: row.userId, action: 'account.email_verified' }, now)
  })
  return { ok: true }
}

/** Same answer whether or not the address exists or is already verified. */
export async function resendVerification(deps: AppDeps, email: string, ip: string): Promise<{ ok: true }> {
  await enforceRateLimit(deps, rateLimitRules.resetPerIp, `ip:${ip}`)
  const user = await findUserByEmail(deps.db, email)
  if (!user || user.emailVerifiedAt) return { ok: true }
  await deps.db.transaction((tx) => queueVerificationMail(deps, tx, user))
  deps.onMailQueued?.()
  return { ok: true }
}

/** A fresh verification link (the previous one stops working); skipped silently when throttled. */
export async function queueVerificationMail(deps: AppDeps, tx: DbOrTx, user: UserRow): Promise<void> {
  if (!(await withinRateLimit(deps, rateLimitRules.verificationMailPerAccount, `user:${user.id}`, tx))) return
  await mailTokenLink(deps, tx, user, 'verify_email')
}
