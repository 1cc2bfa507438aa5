import { and, consentRecords, desc, eq, users, type DbOrTx } from '@jouwbot/db'
import { chatConsentTextVersion, consentTextVersions, type ConsentChannelName, type ConsentPurposeName } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'

export type ConsentChoices = Partial<Record<ConsentPurposeName, boolean>>

export interface RecordConsentOptions {
  /** A member's choice; the consent is remembered on the account. */
  userId?: string | null | undefined
  /** The browser's random id; for a visitor the only subject. */
  browserId?: string | null | undefined
  choices: ConsentChoices
  channel: ConsentChannelName
  now: Date
}

/**
 * Appends the choices that differ from the subject's current ones to the consent log (a first choice is
 * always logged), with the version of the text shown and the channel. For a member, the newsletter
 * choice also sets `users.newsletter_consent_at` and writes the given/withdrawn audit row. Call it
 * inside the transaction of the change that carries the choice.
 */
export async function recordConsent(db: DbOrTx, options: RecordConsentOptions): Promise<ConsentPurposeName[]> {
  const userId = options.userId ?? null
  const browserId = options.browserId ?? null
  if (!userId && !browserId) throw new Error('recordConsent needs a user or a browser id')
  const changed: ConsentPurposeName[] = []
  for (const [purpose, granted] of Object.entries(options.choices) as [ConsentPurposeName, boolean | undefined][]) {
    if (granted === undefined) continue
    const current = await currentChoice(db, { userId, browserId }, purpose)
    if (current === granted) continue
    await db.insert(consentRecords).values({
      userId,
      browserId,
      purpose,
      granted,
      textVersion: purpose === 'chat' ? chatConsentTextVersion : consentTextVersions[options.channel],
      channel: options.channel,
      createdAt: options.now,
    })
    changed.push(purpose)
    if (userId && purpose === 'newsletter') {
      await db.update(users).set({ newsletterConsentAt: granted ? options.now : null, updatedAt: options.now }).where(eq(users.id, userId))
      const action = granted ? 'consent.newsletter.given' : 'consent.newsletter.withdrawn'
      await recordAudit(db, { actorUserId: userId, subjectUserId: userId, action, details: { channel: options.channel } }, options.now)
    }
  }
  return changed
}

/**
 * Appends one row to the consent log, nothing else: for flows that set the account's flag and audit
 * row themselves (sign-up, the profile form). Call it inside their transaction.
 */
export async function logConsent(
  db: DbOrTx,
  entry: { userId: string; purpose: ConsentPurposeName; granted: boolean; channel: ConsentChannelName; now: Date },
): Promise<void> {
  await db.insert(consentRecords).values({
    userId: entry.userId,
    purpose: entry.purpose,
    granted: entry.granted,
    textVersion: consentTextVersions[entry.channel],
    channel: entry.channel,
    createdAt: entry.now,
  })
}

/** The newest logged choice for one purpose (a member's account wins over the browser), or null. */
export async function currentChoice(
  db: DbOrTx,
  subject: { userId: string | null; browserId: string | null },
  purpose: ConsentPurposeName,
): Promise<boolean | null> {
  const where = subject.userId
    ? and(eq(consentRecords.userId, subject.userId), eq(consentRecords.purpose, purpose))
    : and(eq(consentRecords.browserId, subject.browserId ?? ''), eq(consentRecords.purpose, purpose))
  const [row] = await db.select({ granted: consentRecords.granted }).from(consentRecords).where(where).orderBy(desc(consentRecords.createdAt)).limit(1)
  if (row) return row.granted
  if (subject.userId && purpose === 'newsletter') {
    // Members who chose before the consent log existed: the flag on the account is their choice.
    const [user] = await db.select({ at: users.newsletterConsentAt }).from(users).where(eq(users.id, subject.userId))
    return user ? user.at !== null : null
  }
  return null
}
