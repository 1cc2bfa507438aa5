import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

export const userRole = pgEnum('user_role', ['member', 'coach', 'admin'])
export type UserRole = (typeof userRole.enumValues)[number]

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased and trimmed; unique. */
    email: text().notNull(),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    passwordHash: text().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    role: userRole().notNull().default('member'),
    locale: text().notNull().default('nl'),
    /** Consent for the newsletter: null means no consent. Never pre-ticked. */
    newsletterConsentAt: timestamp({ withTimezone: true }),
    /**
     * Contact and address details the member keeps on the profile (art. 16: correctable in one place;
     * they pre-fill the checkout). Optional: null when not given. An order keeps its own copy as billed.
     */
    phone: text(),
    company: text(),
    addressLine: text(),
    postalCode: text(),
    city: text(),
    /** ISO 3166-1 alpha-2, one of the billing countries. */
    country: text(),
    /**
     * The member's own VAT number (normalised, e.g. NL123456789B01), field-encrypted like the buyer's on
     * an order; checked on save (format, check digit, VIES when configured), pre-fills the checkout.
     */
    vatNumberEncrypted: text(),
    /** Field-encrypted (see @jouwbot/auth/encryption); null when 2FA is off. */
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    /** Highest TOTP time step accepted so far: a code for this step or earlier is a replay. */
    totpLastUsedStep: bigint({ mode: 'number' }),
    ...timestamps,
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    // Admin member search (`ilike '%…%'` on e-mail or name) through a trigram index (pg_trgm, migration 0012).
    // fastupdate off: with GIN's pending list, rows added since the last vacuum are scanned one by one on every
    // search (23 ms instead of 0.7 ms for 100k new members, bench:scale); a sign-up pays a little more instead.
    index('users_search_trgm_idx')
      .using('gin', sql`(${t.email} || ' ' || ${t.firstName} || ' ' || ${t.lastName}) gin_trgm_ops`)
      .with({ fastupdate: false }),
  ],
)

export const sessions = pgTable(
  'sessions',
  {
    /** Public half of the token `<id>.<secret>`. */
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the secret half; the secret itself is never stored. */
    secretHash: text().notNull(),
    /** False until the second factor is given, for users with 2FA on. */
    twoFactorVerified: boolean().notNull().default(false),
    /** Last time the password (and TOTP) were entered on this session: "sudo mode". */
    reauthenticatedAt: timestamp({ withTimezone: true }).notNull(),
    userAgent: text(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Hard limit: sliding renewal never goes past this. */
    absoluteExpiresAt: timestamp({ withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
)

export const userTokenPurpose = pgEnum('user_token_purpose', [
  'verify_email',
  'reset_password',
  'change_email',
])
export type UserTokenPurpose = (typeof userTokenPurpose.enumValues)[number]

/** Single-use, expiring links sent by mail. Only the SHA-256 of the token is stored. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: userTokenPurpose().notNull(),
    tokenHash: text().notNull(),
    /** For change_email: the address that is being verified. */
    newEmail: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('user_tokens_hash_unique').on(t.tokenHash),
    index('user_tokens_user_idx').on(t.userId, t.purpose),
  ],
)

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_unique').on(t.userId, t.codeHash)],
)

/**
 * Fixed-window counters shared by every server process. Keys carry no raw personal data:
 * e-mail addresses and IPs are HMAC-pseudonymised before they become part of a key.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  count: integer().notNull(),
  resetAt: timestamp({ withTimezone: true }).notNull(),
})
