import { hashRecoveryCode, type UserRow } from '@jouwbot/auth'
import { and, count, eq, isNull, recoveryCodes } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { AppError } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { checkTotpCode } from './check-totp-code.ts'
import { enforceRateLimit, rateLimitRules } from './rate-limits.ts'
import { startSession, type LogInClient, type NewSession } from './start-session.ts'
import { mailLocale } from './users.ts'

/** A member whose session waits for the second factor, and the request's client. */
interface PendingLogIn {
  user: UserRow
  client: LogInClient
}

/** Second login step: a TOTP code turns the waiting session into a new, fully verified one. */
export async function completeLogInWithTotp(deps: AppDeps, input: PendingLogIn & { code: string }): Promise<{ status: 'ok'; session: NewSession }> {
  const { user } = input
  await enforceRateLimit(deps, rateLimitRules.twoFactorPerAccount, `user:${user.id}`)
  const session = await inTransaction(deps, async (tx) => {
    if (!(await checkTotpCode(tx, user, input.code))) throw new AppError('UNAUTHORIZED', 'auth.totpInvalid')
    return startSession(tx, { user, client: input.client, twoFactorVerified: true })
  })
  return { status: 'ok', session }
}

/** Second login step with one of the ten recovery codes; each works once. */
export async function completeLogInWithRecoveryCode(
  deps: AppDeps,
  input: PendingLogIn & { code: string },
): Promise<{ status: 'ok'; remaining: number; session: NewSession }> {
  const { user } = input
  await enforceRateLimit(deps, rateLimitRules.twoFactorPerAccount, `user:${user.id}`)
  const now = deps.clock.now()
  const result = await inTransaction(deps, async (txDeps) => {
    const tx = txDeps.db
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashRecoveryCode(input.code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id })
    if (used.length !== 1) throw new AppError('UNAUTHORIZED', 'auth.recoveryCodeInvalid')
    const [left] = await tx
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)))
    const remaining = left?.n ?? 0
    const session = await startSession(txDeps, { user, client: input.client, twoFactorVerified: true })
    await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'auth.recovery_code_used', details: { remaining } }, now)
    await enqueueMail(tx, { to: user.email, template: 'recoveryCodeUsed', locale: mailLocale(user), params: { firstName: user.firstName, remaining }, seller: deps.seller }, deps.clock.now())
    return { remaining, session }
  })
  deps.onMailQueued?.()
  return { status: 'ok', ...result }
}
