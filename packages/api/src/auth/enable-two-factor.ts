import { and, eq, ne, sessions, users } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { AppError } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import { mailLocale } from './users.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { checkTotpCode } from './check-totp-code.ts'
import { enforceRateLimit, rateLimitRules } from './rate-limits.ts'
import type { Who } from './set-up-two-factor.ts'
import { replaceRecoveryCodes } from './replace-recovery-codes.ts'

/** Step 2: the first correct code switches 2FA on and yields the ten recovery codes (shown once). */
export async function enableTwoFactor(deps: AppDeps, { user, session }: Who, code: string): Promise<{ recoveryCodes: string[] }> {
  if (user.totpEnabledAt) throw new AppError('CONFLICT', 'auth.totpAlreadyEnabled')
  if (!user.totpSecret) throw new AppError('BAD_REQUEST', 'auth.totpSetupMissing')
  await enforceRateLimit(deps, rateLimitRules.twoFactorPerAccount, `user:${user.id}`)
  const now = deps.clock.now()
  const codes = await inTransaction(deps, async (txDeps) => {
    const tx = txDeps.db
    if (!(await checkTotpCode(txDeps, user, code))) throw new AppError('BAD_REQUEST', 'auth.totpInvalid')
    await tx.update(users).set({ totpEnabledAt: now, updatedAt: now }).where(eq(users.id, user.id))
    // This session proved the second factor just now; every other session of the member must too.
    await tx.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, session.id))
    await tx
      .update(sessions)
      .set({ twoFactorVerified: false })
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, session.id)))
    const codes = await replaceRecoveryCodes(tx, user.id, now)
    await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'auth.2fa_enabled' }, now)
    await enqueueMail(tx, { to: user.email, template: 'twoFactorEnabled', locale: mailLocale(user), params: { firstName: user.firstName }, seller: deps.seller }, deps.clock.now())
    return codes
  })
  deps.onMailQueued?.()
  return { recoveryCodes: codes }
}
