import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth.ts'

/*
 * The privacy domain, part "rights": what members ask (art. 15–21) and what staff do about it.
 * The privacy registry, consent log, policy versions and retention runs live beside this file
 * (the registry's own schema file); both are the one domain `privacy`.
 */

export const privacyRequestKind = pgEnum('privacy_request_kind', [
  'restriction',
  'lift_restriction',
  'objection_newsletter',
  'objection_statistics',
  'access',
  'erasure',
  'other',
  // marketing (Messenger chat): delete the contact at ManyChat by hand (its API cannot)
  'chat_removal',
  // privacy-processors: tell a processor (the mail provider, ManyChat) of an erasure or restriction
  'processor_notice',
])
export type PrivacyRequestKind = (typeof privacyRequestKind.enumValues)[number]

export const privacyRequestStatus = pgEnum('privacy_request_status', ['open', 'granted', 'refused', 'done', 'cancelled'])
export type PrivacyRequestStatus = (typeof privacyRequestStatus.enumValues)[number]

/**
 * Every request a member makes and its outcome, with dates (art. 12: answered within one month).
 * Objections are granted at once (status `done` when filed); restriction waits for an admin.
 */
export const privacyRequests = pgTable(
  'privacy_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Null once the account is erased (the request row itself then holds no personal data). */
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    kind: privacyRequestKind().notNull(),
    status: privacyRequestStatus().notNull().default('open'),
    /** The member's own words (bounded), if any. */
    message: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** The answer shown to the member. */
    outcome: text(),
    /**
     * `processor_notice`: the processor to tell (a recipient id of the privacy registry), why
     * (`erasure` or `restriction`), and what it needs to find the data (an e-mail address, a contact
     * id). `processor_ref` is cleared when the task is resolved.
     */
    processor: text(),
    processorCause: text(),
    processorRef: text(),
    /** Makes "open this task once" a constraint: e.g. `erasure:<erasureId>:mail_provider`. */
    dedupeKey: text(),
  },
  (t) => [
    index('privacy_requests_user_idx').on(t.userId, t.createdAt),
    index('privacy_requests_open_idx').on(t.status, t.dueAt),
    // admin.privacy.requests with status 'all': newest first, a keyset page at a time.
    index('privacy_requests_created_idx').on(t.createdAt, t.id),
    uniqueIndex('privacy_requests_dedupe_unique').on(t.dedupeKey),
  ],
)

/** Per-member processing state set by objections and restriction (no row: nothing objected). */
export const privacySettings = pgTable('privacy_settings', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Art. 21: no statistics about this member from this moment. */
  statisticsObjectedAt: timestamp({ withTimezone: true }),
  /** Art. 18: processing frozen (only legally required mails) since this moment, until lifted. */
  restrictedAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** The quarterly review of staff authorisations: one row per completed review. */
export const staffReviews = pgTable('staff_reviews', {
  id: uuid().primaryKey().defaultRandom(),
  reviewedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  reviewedAt: timestamp({ withTimezone: true }).notNull(),
  note: text(),
})

export const dataExportStatus = pgEnum('data_export_status', ['queued', 'running', 'ready', 'failed', 'expired'])
export type DataExportStatus = (typeof dataExportStatus.enumValues)[number]

/** Art. 15/20: one archive per request, built by a job, downloadable for 7 days, then deleted. */
export const dataExports = pgTable(
  'data_exports',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: dataExportStatus().notNull().default('queued'),
    /** 0–100, shown while the job runs. */
    progress: integer().notNull().default(0),
    storageKey: text(),
    sizeBytes: integer(),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    /** Set when a worker claims it; a run that died is claimed again after a while. */
    startedAt: timestamp({ withTimezone: true }),
    readyAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    downloadedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('data_exports_user_idx').on(t.userId, t.requestedAt)],
)

export const accountErasureStatus = pgEnum('account_erasure_status', ['scheduled', 'cancelled', 'running', 'done'])
export type AccountErasureStatus = (typeof accountErasureStatus.enumValues)[number]

/**
 * Art. 17: a requested erasure, carried out after the grace period by a resumable job. Deliberately
 * no foreign key to users: the row must outlive the account so a crashed run can finish and a
 * second run can see it is done. `userId` is a random uuid, not personal data once the user is gone.
 */
export const accountErasures = pgTable(
  'account_erasures',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull(),
    status: accountErasureStatus().notNull().default('scheduled'),
    /** SHA-256 of the cancel link's token (the token is only in the mail). */
    cancelTokenHash: text().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    scheduledFor: timestamp({ withTimezone: true }).notNull(),
    cancelledAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    /** Steps already finished (names), so a resumed run skips them. */
    stepsDone: jsonb().$type<string[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex('account_erasures_cancel_token_unique').on(t.cancelTokenHash),
    index('account_erasures_due_idx').on(t.status, t.scheduledFor),
  ],
)
