import { and, eq, inArray, mailOutbox, newsletterSubscribers } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { newToken } from './links.ts'
import { NEWSLETTER_TEMPLATE } from './send-newsletter.ts'

/**
 * A hard bounce or a complaint (from an admin, or a provider's webhook later): the address gets no
 * newsletter any more. Its subscriber row is marked (and kept, so the address is never mailed again),
 * newsletter mails still waiting in the outbox for it are withdrawn, and the send job skips it.
 * Idempotent; an address without a subscriber row gets one, already suppressed.
 */
export async function recordBounce(deps: AppDeps, { email, kind }: { email: string; kind: 'hard_bounce' | 'complaint' }): Promise<{ withdrawnMails: number }> {
  const address = email.toLowerCase()
  const status = kind === 'complaint' ? 'complained' : 'bounced'
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    const [row] = await tx.db.select({ id: newsletterSubscribers.id }).from(newsletterSubscribers).where(eq(newsletterSubscribers.email, address)).limit(1)
    if (row) {
      await tx.db.update(newsletterSubscribers).set({ status, suppressedAt: now, updatedAt: now }).where(eq(newsletterSubscribers.id, row.id))
    } else {
      await tx.db.insert(newsletterSubscribers).values({
        email: address,
        locale: 'nl',
        source: 'form',
        status,
        consentTextVersion: 'none',
        unsubscribeToken: newToken(),
        suppressedAt: now,
        createdAt: now,
        updatedAt: now,
      })
    }
    const withdrawn = await tx.db
      .update(mailOutbox)
      .set({ status: 'failed', lastError: `suppressed: ${kind}` })
      .where(and(eq(mailOutbox.to, address), eq(mailOutbox.template, NEWSLETTER_TEMPLATE), inArray(mailOutbox.status, ['pending'])))
      .returning({ id: mailOutbox.id })
    return { withdrawnMails: withdrawn.length }
  })
}
