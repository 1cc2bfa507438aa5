import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth.ts'

/**
 * Marketing (newsletter and e-book): subscribers with double opt-in, e-book requests and their download
 * grants, newsletters and one delivery row per newsletter and subscriber. Personal data here is declared
 * in packages/api/src/privacy/registry.ts (category `newsletter`). The blog lives in marketing-blog.ts.
 */

const at = () => timestamp({ withTimezone: true })

export const subscriberSource = pgEnum('newsletter_subscriber_source', ['member', 'ebook', 'form'])
export const subscriberStatus = pgEnum('newsletter_subscriber_status', ['pending', 'confirmed', 'unsubscribed', 'bounced', 'complained'])
export const newsletterStatus = pgEnum('newsletter_status', ['draft', 'scheduled', 'sending', 'sent'])

/** Someone who asked for the newsletter: a member (linked by `user_id`) or a visitor who confirmed by mail. */
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Lower-case; one row per address. */
    email: text().notNull(),
    firstName: text(),
    locale: text().notNull().default('nl'),
    source: subscriberSource().notNull(),
    status: subscriberStatus().notNull().default('pending'),
    /** The version of the consent text shown when the person subscribed. */
    consentTextVersion: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the double opt-in token (only while pending). */
    confirmTokenHash: text(),
    confirmExpiresAt: at(),
    /** Random token of the unsubscribe link (no login needed); never changes for a subscriber. */
    unsubscribeToken: text().notNull(),
    confirmedAt: at(),
    unsubscribedAt: at(),
    /** Hard bounce or complaint: nothing is mailed to this address any more. */
    suppressedAt: at(),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('newsletter_subscribers_email_unique').on(t.email),
    uniqueIndex('newsletter_subscribers_user_unique').on(t.userId),
    uniqueIndex('newsletter_subscribers_unsubscribe_token_unique').on(t.unsubscribeToken),
    uniqueIndex('newsletter_subscribers_confirm_token_unique').on(t.confirmTokenHash),
    index('newsletter_subscribers_status_idx').on(t.status),
  ],
)

/**
 * How many subscribers have each status, kept by triggers on newsletter_subscribers (statement-level,
 * written by hand at the end of migration 0021) so the admin's newsletter page reads five rows instead of
 * counting every subscriber. A missing row means zero. No personal data: a status and a number.
 */
export const newsletterSubscriberCounts = pgTable('newsletter_subscriber_counts', {
  status: subscriberStatus().primaryKey(),
  count: integer().notNull().default(0),
})

/** A request for the free e-book: confirmed by a link in a mail (double opt-in), then downloadable. */
export const ebookRequests = pgTable(
  'ebook_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    firstName: text(),
    locale: text().notNull().default('nl'),
    /** The separate, unticked box: confirm the newsletter with the same click. */
    wantsNewsletter: boolean().notNull().default(false),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    confirmTokenHash: text(),
    confirmExpiresAt: at(),
    confirmedAt: at(),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ebook_requests_confirm_token_unique').on(t.confirmTokenHash), index('ebook_requests_email_idx').on(t.email)],
)

/** A signed download link of the e-book: expires, and works a few times. */
export const ebookDownloadGrants = pgTable(
  'ebook_download_grants',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** A logged-in member gets a request row too (confirmed at once), so every grant has one. */
    requestId: uuid()
      .notNull()
      .references(() => ebookRequests.id, { onDelete: 'cascade' }),
    locale: text().notNull().default('nl'),
    downloadsLeft: integer().notNull(),
    expiresAt: at().notNull(),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [check('ebook_download_grants_left', sql`${t.downloadsLeft} >= 0`)],
)

export const newsletters = pgTable(
  'newsletters',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The archive address `/nieuwsbrief/<slug>`. */
    slug: text().notNull(),
    subject: text().notNull(),
    /** Markdown, rendered to sanitised HTML and plain text when sent and shown. */
    bodyMarkdown: text().notNull(),
    locale: text().notNull().default('nl'),
    status: newsletterStatus().notNull().default('draft'),
    scheduledAt: at(),
    startedAt: at(),
    sentAt: at(),
    /** Recipients fixed when sending started, and how many of them are queued in the outbox. */
    recipientCount: integer().notNull().default(0),
    queuedCount: integer().notNull().default(0),
    skippedCount: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('newsletters_slug_unique').on(t.slug), index('newsletters_status_idx').on(t.status, t.scheduledAt)],
)

export const deliveryStatus = pgEnum('newsletter_delivery_status', ['pending', 'queued', 'skipped'])

/**
 * One row per newsletter and subscriber, fixed when sending starts. The UNIQUE key is what makes a
 * resumed send never mail anyone twice: the outbox mail is queued in the same transaction that marks
 * the row `queued`, under the outbox dedupe key `newsletter:<newsletter>:<subscriber>`.
 */
export const newsletterDeliveries = pgTable(
  'newsletter_deliveries',
  {
    newsletterId: uuid()
      .notNull()
      .references(() => newsletters.id, { onDelete: 'cascade' }),
    subscriberId: uuid()
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: 'cascade' }),
    status: deliveryStatus().notNull().default('pending'),
    queuedAt: at(),
  },
  (t) => [uniqueIndex('newsletter_deliveries_unique').on(t.newsletterId, t.subscriberId), index('newsletter_deliveries_pending_idx').on(t.newsletterId, t.status, t.subscriberId)],
)
