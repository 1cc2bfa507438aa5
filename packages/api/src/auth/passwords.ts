import { hashPassword, invalidateUserSessions, isCommonPassword, verifyPassword, type SessionRow, type UserRow } from '@jouwbot/auth'
import { eq, isNull, users, and } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { AppError } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { enforceRateLimit, rateLimitRules, withinRateLimit } from './rate-limits.ts'
import { mailTokenLink } from './mail-token-link.ts'
import { consumeUserToken } from './user-tokens.ts'
import { findUserByEmail, mailLocale } from './users.ts'

function assertAcceptablePassword(password: string): void {
  if (isCommonPassword(password)) throw new AppError('BAD_REQUEST', 'auth.passwordCommon')
}

/** Always `{ ok: true }`: the answer never tells whether the address has an account. */
export async function requestPasswordReset(deps: AppDeps, email: string, ip: string): Promise<{ ok: true }> {
  await enforceRateLimit(deps, rateLimitRules.resetPerIp, `ip:${ip}`)
  const user = await findUserByEmail(deps.db, email)
  if (!user) return { ok: true }
  await deps.db.transaction(async (tx) => {
    if (!(await withinRateLimit(deps, rateLimitRules.resetPerAccount, `user:${user.id}`, tx))) return
    await mailTokenLink(deps, tx, user, 'reset_password')
  })
  deps.onMailQueued?.()
  return { ok: true }
}

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
    await enqueueMail(tx, { to: user!.email, template: 'passwordChanged', locale: mailLocale(user!), params: { firstName: user!.firstName } }, deps.clock.now())
  })
  deps.onMailQueued?.()
  return { ok: true }
}

/** Needs the current password; every other session of the account is signed out. */
export async function changePassword(
  deps: AppDeps,
  who: { session: SessionRow; user: UserRow },
  input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true }> {
  const { user, session } = who
  await enforceRateLimit(deps, rateLimitRules.logInPerAccount, `email:${user.email}`)
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('UNAUTHORIZED', 'auth.passwordWrong')
  assertAcceptablePassword(input.newPassword)
  const passwordHash = await hashPassword(input.newPassword)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id))
    await invalidateUserSessions(tx, user.id, session.id)
    await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'auth.password_changed' }, now)
    await enqueueMail(tx, { to: user.email, template: 'passwordChanged', locale: mailLocale(user), params: { firstName: user.firstName } }, deps.clock.now())
  })
  deps.onMailQueued?.()
  return { ok: true }
}
