import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

export const mailStatus = pgEnum('mail_status', ['pending', 'sent', 'failed'])

/**
 * Transactional outbox: a mail is inserted in the same transaction as its cause and delivered
 * later by the outbox worker, so a rolled-back action never sends mail and a sent mail is never lost.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Insertion order: mails of one transaction share created_at, delivery stays first-in first-out. */
    seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
    /** Makes "send this mail exactly once" a constraint rather than a hope. */
    dedupeKey: text(),
    to: text().notNull(),
    template: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    /** Files sent along, e.g. a calendar invitation (`.ics`). Purged with the body after SMTP delivery. */
    attachments: jsonb().$type<{ filename: string; contentType: string; content: string }[]>(),
    /** Sender for this mail when it is not the transactional one (the newsletter's own address). */
    fromAddress: text(),
    /** Extra headers of this mail (the newsletter's List-Id, List-Unsubscribe, List-Unsubscribe-Post). */
    headers: jsonb().$type<Record<string, string>>(),
    status: mailStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_unique').on(t.dedupeKey),
    index('mail_outbox_pending_idx').on(t.status, t.nextAttemptAt),
  ],
)
