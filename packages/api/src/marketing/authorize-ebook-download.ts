import { and, ebookDownloadGrants, eq, gt, sql } from '@jouwbot/db'
import { AppError, isUuid } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { checkDownloadSignature } from './links.ts'

/**
 * The download route's check: a valid signature, not expired, downloads left (one is used up here,
 * atomically). Returns the language of the e-book to send. Every refusal is the same 404-like answer
 * except an expired or used-up link, which says so (`marketing.linkExpired`).
 */
export async function authorizeEbookDownload(
  deps: AppDeps,
  { grantId, expires, signature }: { grantId: string; expires: number; signature: string },
): Promise<{ locale: 'nl' | 'en' }> {
  const now = deps.clock.now()
  if (!isUuid(grantId) || !Number.isSafeInteger(expires) || !checkDownloadSignature(deps, grantId, expires, signature)) {
    throw new AppError('NOT_FOUND', 'marketing.linkInvalid')
  }
  if (expires * 1000 <= now.getTime()) throw new AppError('NOT_FOUND', 'marketing.linkExpired')
  const [grant] = await deps.db
    .update(ebookDownloadGrants)
    .set({ downloadsLeft: sql`${ebookDownloadGrants.downloadsLeft} - 1` })
    .where(and(eq(ebookDownloadGrants.id, grantId), gt(ebookDownloadGrants.downloadsLeft, 0), gt(ebookDownloadGrants.expiresAt, now)))
    .returning({ locale: ebookDownloadGrants.locale })
  if (!grant) throw new AppError('NOT_FOUND', 'marketing.linkExpired')
  return { locale: grant.locale === 'en' ? 'en' : 'nl' }
}
