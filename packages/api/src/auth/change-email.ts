import type { UserRow } from '@jouwbot/auth'
import { eq, users } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { enforceRateLimit, rateLimitRules } from './rate-limits.ts'
import { mailTokenLink } from './mail-token-link.ts'
import { consumeUserToken } from './user-tokens.ts'
import { appLink, findUserByEmail, mailLocale } from './users.ts'
import { AppError } from '@jouwbot/shared'

/**
 * Mails a confirmation link to the new address; the account keeps its old address until the
 * link is used. If the new address already has an account, that address gets a notice instead
 * and the caller learns nothing.
 */
export async function requestEmailChange(deps: AppDeps, user: UserRow, newEmail: string): Promise<{ ok: true }> {
  await enforceRateLimit(deps, rateLimitRules.emailChangePerAccount, `user:${user.id}`)
  if (newEmail === user.email) return { ok: true }
  await deps.db.transaction(async (tx) => {
    const owner = await findUserByEmail(tx, newEmail)
    if (owner) {
      await enqueueMail(tx, { to: newEmail, template: 'emailChangeTaken', locale: mailLocale(owner), params: { loginUrl: appLink(deps.appOrigin, '/login') } }, deps.clock.now())
      return
    }
    await mailTokenLink(deps, tx, user, 'change_email', newEmail)
  })
  deps.onMailQueued?.()
  return { ok: true }
}

export async function confirmEmailChange(deps: AppDeps, token: string): Promise<{ ok: true }> {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const row = await consumeUserToken(tx, token, 'change_email', now)
    const newEmail = row.newEmail!
    if (await findUserByEmail(tx, newEmail)) throw new AppError('CONFLICT', 'auth.emailTaken')
    const [before] = await tx.select().from(users).where(eq(users.id, row.userId))
    await tx.update(users).set({ email: newEmail, emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, row.userId))
    await recordAudit(tx, { actorUserId: row.userId, subjectUserId: row.userId, action: 'account.email_changed' }, now)
    await enqueueMail(tx, { to: before!.email, template: 'emailChanged', locale: mailLocale(before!), params: { firstName: before!.firstName, newEmail } }, deps.clock.now())
  })
  deps.onMailQueued?.()
  return { ok: true }
}
