import { newsletterSubscribers, sql, type DbOrTx } from '@jouwbot/db'
import { newsletterConsentTextVersion } from '@jouwbot/shared'
import { newToken } from './links.ts'

export interface ConfirmSubscriberInput {
  email: string
  firstName?: string | null | undefined
  locale: 'nl' | 'en'
  source: 'member' | 'ebook' | 'form'
  userId?: string | null
  consentTextVersion?: string
  now: Date
}

/**
 * Makes the address a confirmed subscriber (after a double opt-in click, or a member's own choice).
 * Never downgrades anyone and never mails a suppressed address again: a bounced or complained row
 * keeps its status. One row per address (upsert on the unique e-mail).
 */
export async function confirmSubscriber(db: DbOrTx, input: ConfirmSubscriberInput): Promise<void> {
  const t = newsletterSubscribers
  await db
    .insert(t)
    .values({
      email: input.email.toLowerCase(),
      firstName: input.firstName || null,
      locale: input.locale,
      source: input.source,
      status: 'confirmed',
      consentTextVersion: input.consentTextVersion ?? newsletterConsentTextVersion,
      userId: input.userId ?? null,
      unsubscribeToken: newToken(),
      confirmedAt: input.now,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .onConflictDoUpdate({
      target: t.email,
      set: {
        status: sql`case when ${t.status} in ('bounced', 'complained') then ${t.status} else 'confirmed'::newsletter_subscriber_status end`,
        confirmedAt: sql`case when ${t.status} = 'confirmed' then ${t.confirmedAt} else excluded.confirmed_at end`,
        unsubscribedAt: sql`case when ${t.status} in ('bounced', 'complained') then ${t.unsubscribedAt} else null end`,
        consentTextVersion: sql`excluded.consent_text_version`,
        firstName: sql`coalesce(excluded.first_name, ${t.firstName})`,
        userId: sql`coalesce(excluded.user_id, ${t.userId})`,
        updatedAt: input.now,
      },
    })
}
