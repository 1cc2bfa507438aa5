import { hashRecoveryCode, type SessionRow, type UserRow } from '@jouwbot/auth'
import { and, count, eq, isNull, recoveryCodes } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { AppError } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { Context } from '../context.ts'
import { checkTotpCode } from '../two-factor/check-totp-code.ts'
import { enforceRateLimit, rateLimitRules } from './rate-limits.ts'
import { startSession } from './session-cookie.ts'
import { mailLocale } from './users.ts'

type PendingContext = Pick<Context, 'deps' | 'cookies' | 'request'> & { session: SessionRow; user: UserRow }

/** Second login step: a TOTP code turns the waiting session into a new, fully verified one. */
export async function completeLogInWithTotp(ctx: PendingContext, code: string): Promise<{ status: 'ok' }> {
  const { deps, user } = ctx
  await enforceRateLimit(deps, rateLimitRules.twoFactorPerAccount, `user:${user.id}`)
  await deps.db.transaction(async (tx) => {
    if (!(await checkTotpCode(deps, tx, user, code))) throw new AppError('UNAUTHORIZED', 'auth.totpInvalid')
    await startSession(ctx, user, true, tx)
  })
  return { status: 'ok' }
}

/** Second login step with one of the ten recovery codes; each works once. */
export async function completeLogInWithRecoveryCode(
  ctx: PendingContext,
  code: string,
): Promise<{ status: 'ok'; remaining: number }> {
  const { deps, user } = ctx
  await enforceRateLimit(deps, rateLimitRules.twoFactorPerAccount, `user:${user.id}`)
  const now = deps.clock.now()
  const remaining = await deps.db.transaction(async (tx) => {
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id })
    if (used.length !== 1) throw new AppError('UNAUTHORIZED', 'auth.recoveryCodeInvalid')
    const [left] = await tx
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)))
    const remaining = left?.n ?? 0
    await startSession(ctx, user, true, tx)
    await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'auth.recovery_code_used', details: { remaining } }, now)
    await enqueueMail(tx, { to: user.email, template: 'recoveryCodeUsed', locale: mailLocale(user), params: { firstName: user.firstName, remaining } }, deps.clock.now())
    return remaining
  })
  deps.onMailQueued?.()
  return { status: 'ok', remaining }
}
