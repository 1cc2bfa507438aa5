import { hashPassword, invalidateUserSessions, verifyPassword, type SessionRow, type UserRow } from '@jouwbot/auth'
import { eq, users } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { AppError } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { enforceRateLimit, rateLimitRules } from './rate-limits.ts'
import { mailLocale } from './users.ts'
import { assertAcceptablePassword } from './assert-acceptable-password.ts'

/** Needs the current password; every other session of the account is signed out. */
export async function changePassword(
  deps: AppDeps,
  who: { session: SessionRow; user: UserRow },
  input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true }> {
  const { user, session } = who
  await enforceRateLimit(deps, rateLimitRules.passwordAgainPerAccount, `user:${user.id}`)
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('UNAUTHORIZED', 'auth.passwordWrong')
  assertAcceptablePassword(input.newPassword)
  const passwordHash = await hashPassword(input.newPassword)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id))
    await invalidateUserSessions(tx, user.id, session.id)
    await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'auth.password_changed' }, now)
    await enqueueMail(tx, { to: user.email, template: 'passwordChanged', locale: mailLocale(user), params: { firstName: user.firstName }, seller: deps.seller }, deps.clock.now())
  })
  deps.onMailQueued?.()
  return { ok: true }
}
