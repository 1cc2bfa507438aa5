import { hashPassword, isCommonPassword } from '@jouwbot/auth'
import { users } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { AppError, type signUpInput } from '@jouwbot/shared'
import type { z } from 'zod'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { recordStatEvent } from '../marketing/stats/record-stat-event.ts'
import { logConsent } from '../privacy/record-consent.ts'
import { inTransaction } from '../transaction.ts'
import { enforceRateLimit, rateLimitRules, withinRateLimit } from './rate-limits.ts'
import { queueVerificationMail } from './queue-verification-mail.ts'
import { appLink, findUserByEmail, mailLocale } from './users.ts'

/**
 * Creates an unverified account and mails a verification link. For an address that already has
 * an account the answer is the same (no enumeration); the owner gets a "you already have an
 * account" mail instead. Before the answer every address gets the same work (per-IP count, the
 * common-password check, the argon2 hash); the account and the mail come after it (`afterAnswer`).
 */
export async function signUp(deps: AppDeps, input: z.output<typeof signUpInput>, ip: string): Promise<{ ok: true }> {
  await enforceRateLimit(deps, rateLimitRules.signUpPerIp, `ip:${ip}`)
  if (isCommonPassword(input.password)) throw new AppError('BAD_REQUEST', 'auth.passwordCommon')

  // Hash first, whatever happens next, so both paths cost the same time.
  const passwordHash = await hashPassword(input.password)
  const now = deps.clock.now()
  deps.afterAnswer(() => createAccount(deps, input, passwordHash, now))
  return { ok: true }
}

async function createAccount(deps: AppDeps, input: z.output<typeof signUpInput>, passwordHash: string, now: Date): Promise<void> {
  await inTransaction(deps, async (txDeps) => {
    const tx = txDeps.db
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email,
        passwordHash,
        firstName: input.firstName,
        lastName: input.lastName,
        locale: input.locale,
        newsletterConsentAt: input.newsletter ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning()

    if (!created) {
      const existing = await findUserByEmail(tx, input.email)
      if (existing && (await withinRateLimit(txDeps, rateLimitRules.verificationMailPerAccount, `user:${existing.id}`))) {
        await enqueueMail(tx, {
          to: existing.email,
          template: 'signUpExisting',
          locale: mailLocale(existing),
          params: {
            firstName: existing.firstName,
            loginUrl: appLink(deps.appOrigin, '/login'),
            resetUrl: appLink(deps.appOrigin, '/forgot-password'),
          },
          seller: deps.seller,
        }, deps.clock.now())
      }
      return
    }

    await queueVerificationMail(txDeps, created)
    // marketing (statistics): counted, never linked to the account; cannot fail the sign-up.
    await recordStatEvent(txDeps, { name: 'signup', userId: created.id })
    await recordAudit(tx, { actorUserId: created.id, subjectUserId: created.id, action: 'account.created', details: { newsletter: input.newsletter } }, now)
    if (input.newsletter) {
      await recordAudit(tx, { actorUserId: created.id, subjectUserId: created.id, action: 'consent.newsletter.given' }, now)
      await logConsent(tx, { userId: created.id, purpose: 'newsletter', granted: true, channel: 'sign_up', now })
    }
  })
  deps.onMailQueued?.()
}
