import { verifyPassword, type SessionRow, type UserRow } from '@jouwbot/auth'
import { eq, sessions } from '@jouwbot/db'
import { AppError, SUDO_MINUTES } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { checkTotpCode } from './check-totp-code.ts'
import { enforceRateLimit, rateLimitRules } from './rate-limits.ts'

/** Enters "sudo mode" for SUDO_MINUTES: password, plus a TOTP code when 2FA is on. */
export async function reauthenticate(
  deps: AppDeps,
  who: { session: SessionRow; user: UserRow },
  input: { password: string; code?: string | undefined },
): Promise<{ sudoUntil: Date }> {
  const { user, session } = who
  await enforceRateLimit(deps, rateLimitRules.passwordAgainPerAccount, `user:${user.id}`)
  if (!(await verifyPassword(user.passwordHash, input.password))) throw new AppError('UNAUTHORIZED', 'auth.passwordWrong')
  const now = deps.clock.now()
  // Counted outside the transaction: a wrong code rolls the transaction back, but not the count.
  if (user.totpEnabledAt) await enforceRateLimit(deps, rateLimitRules.twoFactorPerAccount, `user:${user.id}`)
  await inTransaction(deps, async (txDeps) => {
    const tx = txDeps.db
    if (user.totpEnabledAt) {
      if (!input.code) throw new AppError('UNAUTHORIZED', 'auth.totpRequired')
      if (!(await checkTotpCode(txDeps, user, input.code))) throw new AppError('UNAUTHORIZED', 'auth.totpInvalid')
    }
    await tx.update(sessions).set({ reauthenticatedAt: now }).where(eq(sessions.id, session.id))
  })
  return { sudoUntil: new Date(now.getTime() + SUDO_MINUTES * 60_000) }
}
