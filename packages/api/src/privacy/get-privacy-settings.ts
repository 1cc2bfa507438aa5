import type { UserRow } from '@jouwbot/auth'
import { eq, privacySettings, users, type DbOrTx } from '@jouwbot/db'

/** The member's processing state: newsletter consent, statistics objection, restriction. */
export async function getPrivacySettings(deps: { db: DbOrTx }, { user }: { user: Pick<UserRow, 'id' | 'newsletterConsentAt'> }) {
  const [settings] = await deps.db.select().from(privacySettings).where(eq(privacySettings.userId, user.id)).limit(1)
  return {
    newsletter: user.newsletterConsentAt !== null,
    statisticsObjectedAt: settings?.statisticsObjectedAt ?? null,
    restrictedAt: settings?.restrictedAt ?? null,
  }
}

/**
 * Art. 18: while processing is restricted only legally required mails may be sent and no
 * statistics kept. Newsletter and statistics code (marketing domain) must ask this first.
 */
export async function isProcessingRestricted(db: DbOrTx, userId: string): Promise<boolean> {
  const [settings] = await db.select({ restrictedAt: privacySettings.restrictedAt }).from(privacySettings).where(eq(privacySettings.userId, userId)).limit(1)
  return Boolean(settings?.restrictedAt)
}

/**
 * The one question newsletter and statistics code (marketing domain, not built yet) must ask before
 * touching a member: no after an objection (art. 21) or while processing is restricted (art. 18).
 * Legally required mails (invoices, security notices) do not ask.
 */
export async function mayProcess(db: DbOrTx, userId: string, purpose: 'newsletter' | 'statistics'): Promise<boolean> {
  const [row] = await db
    .select({ consent: users.newsletterConsentAt, objected: privacySettings.statisticsObjectedAt, restricted: privacySettings.restrictedAt })
    .from(users)
    .leftJoin(privacySettings, eq(privacySettings.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1)
  if (!row || row.restricted) return false
  return purpose === 'newsletter' ? row.consent !== null : row.objected === null
}
