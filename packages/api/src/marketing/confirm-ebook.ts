import { and, ebookRequests, eq, isNull } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { recordStatEvent } from './stats/record-stat-event.ts'
import { hashToken } from './links.ts'
import { grantDownload } from './request-ebook.ts'
import { confirmSubscriber } from './subscribers.ts'

/**
 * The e-book's double opt-in click: confirms the address, hands out a signed download link and, when
 * the separate box was ticked, confirms the newsletter with the same click. The link works once.
 */
export async function confirmEbook(deps: AppDeps, { token }: { token: string }): Promise<{ downloadPath: string; newsletter: boolean; locale: 'nl' | 'en' }> {
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    const [row] = await tx.db.select().from(ebookRequests).where(eq(ebookRequests.confirmTokenHash, hashToken(token))).limit(1)
    if (!row) throw new AppError('NOT_FOUND', 'marketing.linkInvalid')
    if (row.confirmedAt) throw new AppError('CONFLICT', 'marketing.linkUsed')
    if (!row.confirmExpiresAt || row.confirmExpiresAt.getTime() <= now.getTime()) throw new AppError('BAD_REQUEST', 'marketing.linkExpired')
    // Two clicks racing: only the one that stamps `confirmed_at` goes on.
    const claimed = await tx.db
      .update(ebookRequests)
      .set({ confirmedAt: now })
      .where(and(eq(ebookRequests.id, row.id), isNull(ebookRequests.confirmedAt)))
      .returning({ id: ebookRequests.id })
    if (claimed.length === 0) throw new AppError('CONFLICT', 'marketing.linkUsed')
    const locale = row.locale === 'en' ? 'en' : 'nl'
    await recordStatEvent({ ...deps, db: tx.db }, { name: 'ebook_confirmed', userId: row.userId })
    if (row.wantsNewsletter) await confirmSubscriber(tx.db, { email: row.email, firstName: row.firstName, locale, source: 'ebook', now })
    const downloadPath = await grantDownload(tx.db, deps, { requestId: row.id, locale, now })
    return { downloadPath, newsletter: row.wantsNewsletter, locale }
  })
}
