import { hashPassword, invalidateUserSessions } from '@jouwbot/auth'
import { eq, isNull, users, and } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { consumeUserToken } from './user-tokens.ts'
import { mailLocale } from './users.ts'
import { assertAcceptablePassword } from './assert-acceptable-password.ts'

/**
 * Sets a new password from a mailed link and signs the account out everywhere. It does not log
 * in: the member logs in normally afterwards, so a reset never bypasses the second factor.
 */
export async function resetPassword(deps: AppDeps, input: { token: string; password: string }): Promise<{ ok: true }> {
  assertAcceptablePassword(input.password)
  const passwordHash = await hashPassword(input.password)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const token = await consumeUserToken(tx, input.token, 'reset_password', now)
    const [user] = await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, token.userId)).returning()
    // The link reached the inbox, which proves the address too.
    await tx.update(users).set({ emailVerifiedAt: now }).where(and(eq(users.id, token.userId), isNull(users.emailVerifiedAt)))
    await invalidateUserSessions(tx, token.userId)
    await recordAudit(tx, { actorUserId: token.userId, subjectUserId: token.userId, action: 'auth.password_reset' }, now)
    await enqueueMail(tx, { to: user!.email, template: 'passwordChanged', locale: mailLocale(user!), params: { firstName: user!.firstName }, seller: deps.seller }, deps.clock.now())
  })
  deps.onMailQueued?.()
  return { ok: true }
}
