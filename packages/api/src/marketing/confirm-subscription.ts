import { eq, newsletterSubscribers } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { hashToken } from './links.ts'

/**
 * The newsletter's double opt-in click. The token is stored hashed and kept after use, so a second
 * click says "already used" (`marketing.linkUsed`); an unknown or altered token is `marketing.linkInvalid`,
 * an old one `marketing.linkExpired`.
 */
export async function confirmSubscription(deps: AppDeps, { token }: { token: string }): Promise<{ confirmed: true }> {
  const now = deps.clock.now()
  const [row] = await deps.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.confirmTokenHash, hashToken(token))).limit(1)
  if (!row) throw new AppError('NOT_FOUND', 'marketing.linkInvalid')
  if (row.status !== 'pending') throw new AppError('CONFLICT', 'marketing.linkUsed')
  if (!row.confirmExpiresAt || row.confirmExpiresAt.getTime() <= now.getTime()) throw new AppError('BAD_REQUEST', 'marketing.linkExpired')
  await deps.db
    .update(newsletterSubscribers)
    .set({ status: 'confirmed', confirmedAt: now, unsubscribedAt: null, updatedAt: now })
    .where(eq(newsletterSubscribers.id, row.id))
  return { confirmed: true }
}
