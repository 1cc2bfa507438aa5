import { consumeRateLimit, type UserRow } from '@jouwbot/auth'
import { eq, newsletterSubscribers } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { newsletterConsentTextVersion, type subscribeNewsletterInput } from '@jouwbot/shared'
import type { z } from 'zod'
import { enforceRateLimit } from '../auth/rate-limits.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { CONFIRM_LINK_HOURS, hashToken, link, marketingRateLimits, newToken } from './links.ts'
import { subscribeMember } from './member-newsletter.ts'

export type SubscribeNewsletterInput = z.output<typeof subscribeNewsletterInput> & { ip: string; user: UserRow | null }

/**
 * The newsletter form (double opt-in). Same answer for every address; all address-dependent work runs
 * after the answer. A confirmed subscriber is never downgraded (no new token, no mail), a bounced or
 * complained address is never mailed; anyone else gets a confirmation mail, at most one per 10 minutes.
 */
export async function subscribeNewsletter(deps: AppDeps, input: SubscribeNewsletterInput): Promise<{ ok: true }> {
  await enforceRateLimit(deps, marketingRateLimits.formPerIp, `ip:${input.ip}`)
  if (input.website) return { ok: true }
  const user = input.user
  if (user?.emailVerifiedAt && user.email.toLowerCase() === input.email.toLowerCase()) {
    await inTransaction(deps, (tx) => subscribeMember(tx, { user, now: tx.clock.now() }))
    return { ok: true }
  }
  const now = deps.clock.now()
  deps.afterAnswer(() => queueSubscription(deps, input, now))
  return { ok: true }
}

async function queueSubscription(deps: AppDeps, input: SubscribeNewsletterInput, now: Date): Promise<void> {
  const email = input.email.toLowerCase()
  const queued = await inTransaction(deps, async (tx) => {
    const [existing] = await tx.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)).limit(1)
    if (existing && existing.status !== 'pending' && existing.status !== 'unsubscribed') return false
    if (!(await consumeRateLimit(tx.db, marketingRateLimits.formPerEmail, deps.pseudonymize(`email:${email}`), now)).allowed) return false
    if (!(await consumeRateLimit(tx.db, marketingRateLimits.mailPerEmail, deps.pseudonymize(`email:${email}`), now)).allowed) return false
    const token = newToken()
    const pending = {
      status: 'pending' as const,
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: new Date(now.getTime() + CONFIRM_LINK_HOURS * 3600_000),
      consentTextVersion: newsletterConsentTextVersion,
      updatedAt: now,
    }
    if (existing) {
      await tx.db.update(newsletterSubscribers).set(pending).where(eq(newsletterSubscribers.id, existing.id))
    } else {
      await tx.db.insert(newsletterSubscribers).values({
        ...pending,
        email,
        firstName: input.firstName || null,
        locale: input.locale,
        source: 'form',
        unsubscribeToken: newToken(),
        createdAt: now,
      })
    }
    await enqueueMail(
      tx.db,
      {
        to: email,
        template: 'newsletterConfirm',
        locale: input.locale,
        params: { firstName: input.firstName ?? '', url: link(deps.appOrigin, '/nieuwsbrief/bevestigen', { token }) },
        seller: deps.seller,
      },
      now,
    )
    return true
  })
  if (queued) deps.onMailQueued?.()
}
