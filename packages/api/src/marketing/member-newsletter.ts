import type { UserRow } from '@jouwbot/auth'
import { and, eq, newsletterSubscribers, or } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { recordConsent } from '../privacy/record-consent.ts'
import { inTransaction, type TxDeps } from '../transaction.ts'
import { confirmSubscriber } from './subscribers.ts'

type Member = Pick<UserRow, 'id' | 'email' | 'firstName' | 'locale' | 'emailVerifiedAt'>

/**
 * A member opts in from the account (or the e-book form while logged in): the consent goes through the
 * privacy domain's log (`recordConsent`, which sets `users.newsletter_consent_at`), and the member
 * becomes a confirmed subscriber: their address was verified, so no second mail is needed.
 */
export async function subscribeMember(tx: TxDeps, { user, now }: { user: Member; now: Date }): Promise<void> {
  await recordConsent(tx.db, { userId: user.id, choices: { newsletter: true }, channel: 'account', now })
  await confirmSubscriber(tx.db, { email: user.email, firstName: user.firstName, locale: user.locale === 'en' ? 'en' : 'nl', source: 'member', userId: user.id, now })
}

/** The member's own switch in the account: on (opt in) or off (withdraw, recorded in the consent log). */
export async function setMemberNewsletter(deps: AppDeps, { user, subscribed }: { user: Member; subscribed: boolean }): Promise<{ subscribed: boolean }> {
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    if (subscribed) {
      await subscribeMember(tx, { user, now })
    } else {
      await recordConsent(tx.db, { userId: user.id, choices: { newsletter: false }, channel: 'account', now })
      await tx.db
        .update(newsletterSubscribers)
        .set({ status: 'unsubscribed', unsubscribedAt: now, updatedAt: now })
        .where(and(eq(newsletterSubscribers.status, 'confirmed'), or(eq(newsletterSubscribers.userId, user.id), eq(newsletterSubscribers.email, user.email.toLowerCase()))))
    }
    return { subscribed }
  })
}
