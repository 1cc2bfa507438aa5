import type { UserRow } from '@jouwbot/auth'
import { enqueueMail } from '@jouwbot/mail'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { enforceRateLimit, rateLimitRules } from './rate-limits.ts'
import { mailTokenLink } from './mail-token-link.ts'
import { appLink, findUserByEmail, mailLocale } from './users.ts'

/**
 * Mails a confirmation link to the new address; the account keeps its old address until the
 * link is used. If the new address already has an account, that address gets a notice instead
 * and the caller learns nothing.
 */
export async function requestEmailChange(deps: AppDeps, user: UserRow, newEmail: string): Promise<{ ok: true }> {
  await enforceRateLimit(deps, rateLimitRules.emailChangePerAccount, `user:${user.id}`)
  if (newEmail === user.email) return { ok: true }
  await inTransaction(deps, async (txDeps) => {
    const tx = txDeps.db
    const owner = await findUserByEmail(tx, newEmail)
    if (owner) {
      await enqueueMail(tx, { to: newEmail, template: 'emailChangeTaken', locale: mailLocale(owner), params: { loginUrl: appLink(deps.appOrigin, '/login') }, seller: deps.seller }, deps.clock.now())
      return
    }
    await mailTokenLink(txDeps, { user, purpose: 'change_email', newEmail })
  })
  deps.onMailQueued?.()
  return { ok: true }
}
