import { sql } from 'drizzle-orm'
import { bigserial, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Marketing (statistics): first-party, cookieless counting in the way of Plausible. No IP address, no
 * cookie, no account id is stored: a visitor is a hash of (salt of the day, site, IP, user agent),
 * and the salt of a day is deleted once the day is over, so hashes of two days cannot be linked and
 * nobody can recompute one. Raw rows are kept 12 months (retention rule `statistics-raw-events`),
 * the daily roll-ups longer. See packages/api/src/privacy/registry.ts.
 */

const at = () => timestamp({ withTimezone: true })

/** One random salt per calendar day (Europe/Amsterdam); deleted after that day. */
export const statSalts = pgTable('stat_salts', {
  day: date({ mode: 'string' }).primaryKey(),
  /** 32 random bytes, hex. */
  salt: text().notNull(),
  createdAt: at().notNull(),
})

/**
 * One page view or one named event. `visitor_hash` is null for events recorded by a service without a
 * request (sign-up, payment): those only count.
 */
export const statEvents = pgTable(
  'stat_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** `pageview`, or an event name (`ebook_requested`, `signup`, `paid`, …). */
    name: text().notNull(),
    occurredAt: at().notNull(),
    /** The calendar day in Europe/Amsterdam, the unit of the salt and of the roll-up. */
    day: date({ mode: 'string' }).notNull(),
    /** Path without query or fragment (page views). */
    path: text(),
    /** The referring site's host name only (page views from elsewhere). */
    referrerHost: text(),
    /** Hex hash of (salt of the day, site, IP, user agent); unlinkable once the salt is gone. */
    visitorHash: text(),
  },
  (t) => [
    index('stat_events_day_idx').on(t.day, t.name),
    index('stat_events_occurred_at_idx').on(t.occurredAt),
    check('stat_events_name_length', sql`char_length(${t.name}) between 1 and 40`),
  ],
)

export const statDimension = pgEnum('stat_dimension', ['total', 'page', 'section', 'referrer', 'event'])

/**
 * Daily roll-up of `stat_events` (the dashboard reads only this): per day and dimension, the number of
 * distinct visitors and of rows. `total` has key '' (all page views), `page` the path, `section` the
 * first path segment (`/blog`), `referrer` the host, `event` the event name.
 */
export const statDaily = pgTable(
  'stat_daily',
  {
    day: date({ mode: 'string' }).notNull(),
    dimension: statDimension().notNull(),
    key: text().notNull(),
    visitors: integer().notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.dimension, t.key] }), index('stat_daily_dimension_day_idx').on(t.dimension, t.day)],
)
