import { eq, newsletterSubscribers } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { recordConsent } from '../privacy/record-consent.ts'
import { inTransaction } from '../transaction.ts'

/**
 * Unsubscribes the holder of an unsubscribe link: no login, no cookie, no confirmation page (RFC 8058
 * one-click POST, and the button on the page a GET shows). Always answers the same, also for an
 * unknown token, so the link tells nothing. A member's withdrawal also goes into the consent log.
 */
export async function unsubscribeNewsletter(deps: AppDeps, { token }: { token: string }): Promise<{ ok: true }> {
  if (!token || token.length > 200) return { ok: true }
  await inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    const [row] = await tx.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.unsubscribeToken, token)).limit(1)
    if (!row || row.status === 'unsubscribed') return
    // A bounced or complained address stays suppressed; everyone else is unsubscribed.
    if (row.status === 'confirmed' || row.status === 'pending') {
      await tx.db.update(newsletterSubscribers).set({ status: 'unsubscribed', unsubscribedAt: now, updatedAt: now }).where(eq(newsletterSubscribers.id, row.id))
    }
    if (row.userId) await recordConsent(tx.db, { userId: row.userId, choices: { newsletter: false }, channel: 'unsubscribe_link', now })
  })
  return { ok: true }
}
