import {
    verifyPassword
} from '@jouwbot/auth'
import { eq, recoveryCodes, users } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { AppError } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import { mailLocale } from './users.ts'
import type { AppDeps } from '../deps.ts'
import { enforceRateLimit, rateLimitRules } from './rate-limits.ts'
import type { Who } from './set-up-two-factor.ts'

export async function disableTwoFactor(deps: AppDeps, { user }: Who, password: string): Promise<{ ok: true }> {
  if (!user.totpEnabledAt) throw new AppError('BAD_REQUEST', 'auth.totpNotEnabled')
  await enforceRateLimit(deps, rateLimitRules.passwordAgainPerAccount, `user:${user.id}`)
  if (!(await verifyPassword(user.passwordHash, password))) throw new AppError('UNAUTHORIZED', 'auth.passwordWrong')
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastUsedStep: null, updatedAt: now })
      .where(eq(users.id, user.id))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id))
    await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'auth.2fa_disabled' }, now)
    await enqueueMail(tx, { to: user.email, template: 'twoFactorDisabled', locale: mailLocale(user), params: { firstName: user.firstName }, seller: deps.seller }, deps.clock.now())
  })
  deps.onMailQueued?.()
  return { ok: true }
}
