import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth.ts'

/**
 * Privacy: the published versions of the privacy statement, who was shown a new version, the consent
 * log, and the log of the retention jobs. What personal data lives where is declared in
 * packages/api/src/privacy/registry.ts (a test checks every table of this schema against it).
 */

const at = () => timestamp({ withTimezone: true })

/** One published version of the privacy statement. Never changed after publication; a new version replaces it. */
export const privacyPolicyVersions = pgTable(
  'privacy_policy_versions',
  {
  /** 1, 2, 3, …: the number the checkout and the consent log refer to. */
  version: integer().primaryKey(),
  publishedAt: at().notNull(),
  titleNl: text().notNull(),
  titleEn: text().notNull(),
  /** Markdown-light: paragraphs split by blank lines, lines starting with `• ` as lists, `## ` as headings. */
  bodyNl: text().notNull(),
  bodyEn: text().notNull(),
  /** "What changed" against the previous version, one item per entry. */
  changesNl: jsonb().$type<string[]>().notNull().default([]),
  changesEn: jsonb().$type<string[]>().notNull().default([]),
  publishedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  createdAt: at().notNull().defaultNow(),
  },
  (t) => [check('privacy_policy_versions_positive', sql`${t.version} > 0`)],
)

/** A member was shown (and closed) the notice about a new version: the notice is not shown again. */
export const privacyPolicyAcknowledgements = pgTable(
  'privacy_policy_acknowledgements',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer()
      .notNull()
      .references(() => privacyPolicyVersions.version, { onDelete: 'cascade' }),
    seenAt: at().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.version] })],
)

export const consentPurpose = pgEnum('consent_purpose', ['statistics', 'newsletter', 'chat'])
export const consentChannel = pgEnum('consent_channel', ['banner', 'cookie_settings', 'sign_up', 'account', 'unsubscribe_link'])

/**
 * The consent log: append-only, the newest row per subject and purpose is the current choice. A
 * member's rows carry `user_id`; a visitor's a random browser id from their own browser (no IP).
 */
export const consentRecords = pgTable(
  'consent_records',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    browserId: text(),
    purpose: consentPurpose().notNull(),
    granted: boolean().notNull(),
    /** Which text the person saw when choosing: `privacy-v2`, `sign-up-v1`, … */
    textVersion: text().notNull(),
    channel: consentChannel().notNull(),
    createdAt: at().notNull(),
  },
  (t) => [
    index('consent_records_user_idx').on(t.userId, t.purpose, t.createdAt),
    index('consent_records_browser_idx').on(t.browserId, t.purpose, t.createdAt),
    check('consent_records_subject', sql`${t.userId} is not null or ${t.browserId} is not null`),
  ],
)

/** One run of one retention rule: what went (or would go, in a dry run), per table. No row contents. */
export const privacyRetentionRuns = pgTable(
  'privacy_retention_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    job: text().notNull(),
    rule: text().notNull(),
    dryRun: boolean().notNull(),
    /** Table name → rows deleted (or that would be deleted). */
    rows: jsonb().$type<Record<string, number>>().notNull().default({}),
    errors: jsonb().$type<string[]>().notNull().default([]),
    startedAt: at().notNull(),
    finishedAt: at(),
  },
  (t) => [index('privacy_retention_runs_started_idx').on(t.startedAt)],
)

export type KeyRotationStatus = 'running' | 'finished' | 'failed'

/**
 * One run of the field-encryption key rotation (admin-triggered, run in batches by the job
 * `privacy.rotate-keys`): which key the values move to and, per encrypted column, how many values
 * were under an older key when it started and how many have moved. No values, no ids of members;
 * who started it is in the audit log. At most one run is running at a time.
 */
export const privacyKeyRotations = pgTable(
  'privacy_key_rotations',
  {
    id: uuid().primaryKey().defaultRandom(),
    targetKeyId: text().notNull(),
    status: text().$type<KeyRotationStatus>().notNull().default('running'),
    /** `table.column` → { total: values under an older key at the start, done: values moved }. */
    progress: jsonb().$type<Record<string, { total: number; done: number }>>().notNull().default({}),
    error: text(),
    startedAt: at().notNull(),
    updatedAt: at().notNull(),
    finishedAt: at(),
  },
  (t) => [
    uniqueIndex('privacy_key_rotations_one_running').on(t.status).where(sql`${t.status} = 'running'`),
    index('privacy_key_rotations_started_idx').on(t.startedAt),
    check('privacy_key_rotations_status', sql`${t.status} in ('running', 'finished', 'failed')`),
  ],
)
