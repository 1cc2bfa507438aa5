import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth.ts'
import { orders } from './checkout.ts'
import { lessons } from './courses.ts'

/**
 * Coaching: coaches and what they offer, their availability, bookings, and the credit ledger that pays
 * for them. Rules that must hold whatever the code does are in the database (see the migration):
 * no two live bookings of one coach (or of one member) overlap (exclusion constraints), a balance is
 * never negative (check on `coaching_credit_balances`, kept by a trigger on the ledger), and a credit
 * is spent by one booking at a time, never after it expired or was taken back (checks on the units).
 */

const at = () => timestamp({ withTimezone: true })

export const coachLocationKind = pgEnum('coach_location_kind', ['video', 'phone', 'in_person'])

/** A user with role `coach` has one profile. The location is shown only to members who booked. */
export const coachProfiles = pgTable(
  'coach_profiles',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    displayName: text().notNull(),
    bioNl: text().notNull().default(''),
    bioEn: text().notNull().default(''),
    /** ISO 639-1 codes, e.g. {nl,en}. */
    languages: text().array().notNull().default(sql`'{nl}'::text[]`),
    photoKey: text(),
    locationKind: coachLocationKind().notNull().default('video'),
    /** An https URL (video), a phone number or a postal address. */
    locationDetail: text().notNull().default(''),
    timeZone: text().notNull().default('Europe/Amsterdam'),
    bufferBeforeMinutes: integer().notNull().default(0),
    bufferAfterMinutes: integer().notNull().default(0),
    minimumNoticeMinutes: integer().notNull().default(24 * 60),
    horizonDays: integer().notNull().default(60),
    /** Null: no limit. */
    maxSessionsPerDay: integer(),
    maxUpcomingPerMember: integer(),
    maxReschedules: integer().notNull().default(2),
    /** A member may cancel or move (credit back) until this long before the start. */
    cancelWindowHours: integer().notNull().default(24),
    active: boolean().notNull().default(true),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    check('coach_profiles_buffers', sql`${t.bufferBeforeMinutes} between 0 and 240 and ${t.bufferAfterMinutes} between 0 and 240`),
    check('coach_profiles_notice', sql`${t.minimumNoticeMinutes} between 0 and 43200`),
    check('coach_profiles_horizon', sql`${t.horizonDays} between 1 and 365`),
    check('coach_profiles_limits', sql`coalesce(${t.maxSessionsPerDay}, 1) >= 1 and coalesce(${t.maxUpcomingPerMember}, 1) >= 1 and ${t.maxReschedules} between 0 and 10`),
    check('coach_profiles_cancel_window', sql`${t.cancelWindowHours} between 0 and 720`),
  ],
)

export const coachingSessionTypes = pgTable(
  'coaching_session_types',
  {
    id: uuid().primaryKey().defaultRandom(),
    coachId: uuid()
      .notNull()
      .references(() => coachProfiles.userId, { onDelete: 'cascade' }),
    title: text().notNull(),
    durationMinutes: integer().notNull(),
    credits: integer().notNull().default(1),
    active: boolean().notNull().default(true),
    position: integer().notNull().default(0),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [
    index('coaching_session_types_coach_idx').on(t.coachId),
    check('coaching_session_types_duration', sql`${t.durationMinutes} between 10 and 240`),
    check('coaching_session_types_credits', sql`${t.credits} between 1 and 10`),
  ],
)

/** Weekly ranges in the coach's own time zone; ISO weekday 1 (Monday) … 7, minutes since midnight. */
export const coachingAvailability = pgTable(
  'coaching_availability',
  {
    id: uuid().primaryKey().defaultRandom(),
    coachId: uuid()
      .notNull()
      .references(() => coachProfiles.userId, { onDelete: 'cascade' }),
    weekday: integer().notNull(),
    startMinute: integer().notNull(),
    endMinute: integer().notNull(),
  },
  (t) => [
    index('coaching_availability_coach_idx').on(t.coachId),
    check('coaching_availability_weekday', sql`${t.weekday} between 1 and 7`),
    check('coaching_availability_range', sql`${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute}`),
  ],
)

/**
 * A date whose hours differ from the weekly schedule. The rows of one date replace that weekday's
 * ranges (as in Cal.com); a row without a range is a day off.
 */
export const coachingDateOverrides = pgTable(
  'coaching_date_overrides',
  {
    id: uuid().primaryKey().defaultRandom(),
    coachId: uuid()
      .notNull()
      .references(() => coachProfiles.userId, { onDelete: 'cascade' }),
    date: date({ mode: 'string' }).notNull(),
    startMinute: integer(),
    endMinute: integer(),
  },
  (t) => [
    index('coaching_date_overrides_coach_idx').on(t.coachId, t.date),
    check(
      'coaching_date_overrides_range',
      sql`(${t.startMinute} is null and ${t.endMinute} is null) or (${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute})`,
    ),
  ],
)

/** The member's chosen time zone for coaching times (browser-detected, changeable). */
export const coachingMemberSettings = pgTable('coaching_member_settings', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  timeZone: text().notNull(),
  updatedAt: at().notNull().defaultNow(),
})

export const coachingBookingStatus = pgEnum('coaching_booking_status', ['booked', 'canceled', 'held', 'member_no_show', 'coach_no_show'])
export const coachingCancelReason = pgEnum('coaching_cancel_reason', ['member', 'member_late', 'coach', 'admin', 'credit_taken_back'])

/**
 * One session. Two exclusion constraints (hand-written in the migration) refuse any live booking that
 * overlaps another of the same coach or of the same member: a race for one slot yields one booking.
 */
export const coachingBookings = pgTable(
  'coaching_bookings',
  {
    id: uuid().primaryKey().defaultRandom(),
    coachId: uuid()
      .notNull()
      .references(() => coachProfiles.userId, { onDelete: 'restrict' }),
    memberId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionTypeId: uuid()
      .notNull()
      .references(() => coachingSessionTypes.id, { onDelete: 'restrict' }),
    startsAt: at().notNull(),
    endsAt: at().notNull(),
    status: coachingBookingStatus().notNull().default('booked'),
    credits: integer().notNull(),
    /** What the member wants to discuss, and the lesson they are at. */
    topic: text().notNull().default(''),
    lessonId: uuid().references(() => lessons.id, { onDelete: 'set null' }),
    /** Asked expressly for the service to start within the 14-day withdrawal period (stored, repeated in the mail). */
    expressStartRequestedAt: at(),
    /** The member's own key for this booking request: a repeat returns the same booking. */
    idempotencyKey: text().notNull(),
    rescheduleCount: integer().notNull().default(0),
    /** The calendar file's SEQUENCE: bumped by each reschedule and by the cancel. */
    sequence: integer().notNull().default(0),
    createdAt: at().notNull(),
    updatedAt: at().notNull(),
    canceledAt: at(),
    canceledBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    cancelReason: coachingCancelReason(),
    creditReturned: boolean().notNull().default(false),
    /** The coach's private notes on the session (never shown to the member in the app; in their data export). */
    coachNote: text().notNull().default(''),
    /** A short summary the coach shares with the member. */
    sharedSummary: text().notNull().default(''),
  },
  (t) => [
    uniqueIndex('coaching_bookings_idempotency_unique').on(t.memberId, t.idempotencyKey),
    index('coaching_bookings_coach_idx').on(t.coachId, t.startsAt),
    index('coaching_bookings_member_idx').on(t.memberId, t.startsAt),
    // admin.coaching.bookings without filters: newest start first (the list's order, ties by id).
    index('coaching_bookings_starts_idx').on(t.startsAt, t.id),
    check('coaching_bookings_range', sql`${t.startsAt} < ${t.endsAt}`),
    check('coaching_bookings_credits', sql`${t.credits} >= 1`),
    check('coaching_bookings_canceled', sql`(${t.status} = 'canceled') = (${t.canceledAt} is not null)`),
  ],
)

export const coachingCreditReason = pgEnum('coaching_credit_reason', [
  'order',
  'order_revoked',
  'admin',
  'booking',
  'booking_canceled',
  'order_restored',
  'expired',
])

/**
 * The ledger: every movement of coaching credits; the balance is the sum, kept in
 * `coaching_credit_balances` by a trigger whose check refuses a negative balance. Positive `order` and
 * `admin` rows grant credits (one `coaching_credit_units` row per credit); `booking` spends and
 * `booking_canceled` gives back (once per booking); `order_revoked` / `order_restored` take an order's
 * credits back and return them once per cause (the refund or chargeback id); `expired` once per run.
 */
export const coachingCredits = pgTable(
  'coaching_credits',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    delta: integer().notNull(),
    reason: coachingCreditReason().notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    bookingId: uuid().references(() => coachingBookings.id, { onDelete: 'set null' }),
    /** The admin who granted (reason `admin`). */
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** For `order_revoked` / `order_restored`: the refund id or the Mollie chargeback id; for `expired` the run. */
    cause: text(),
    note: text(),
    createdAt: at().notNull(),
  },
  (t) => [
    uniqueIndex('coaching_credits_order_unique')
      .on(t.orderId, t.reason)
      .where(sql`${t.reason} in ('order', 'order_revoked') and ${t.cause} is null`),
    uniqueIndex('coaching_credits_cause_unique').on(t.orderId, t.reason, t.cause).where(sql`${t.cause} is not null`),
    uniqueIndex('coaching_credits_booking_unique').on(t.bookingId, t.reason).where(sql`${t.bookingId} is not null`),
    index('coaching_credits_user_idx').on(t.userId, t.createdAt),
  ],
)

/** The ledger's sum per member, kept by a trigger; `credits >= 0` is the database's guarantee. */
export const coachingCreditBalances = pgTable(
  'coaching_credit_balances',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    credits: integer().notNull(),
  },
  (t) => [check('coaching_credit_balances_nonnegative', sql`${t.credits} >= 0`)],
)

/**
 * One row per credit: where it came from (the granting ledger row, and its order if any), when it
 * expires (12 months after purchase unless an admin extends it), and the booking that spends it.
 * Spent oldest-first. A returned credit has no booking again; the ledger keeps the history.
 */
export const coachingCreditUnits = pgTable(
  'coaching_credit_units',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantEntryId: uuid()
      .notNull()
      .references(() => coachingCredits.id, { onDelete: 'restrict' }),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    grantedAt: at().notNull(),
    expiresAt: at().notNull(),
    bookingId: uuid().references(() => coachingBookings.id, { onDelete: 'set null' }),
    spentAt: at(),
    takenBackAt: at(),
    takenBackCause: text(),
    /** The expiry was written to the ledger. */
    expiredAt: at(),
  },
  (t) => [
    index('coaching_credit_units_user_idx').on(t.userId, t.grantedAt),
    index('coaching_credit_units_order_idx').on(t.orderId),
    index('coaching_credit_units_booking_idx').on(t.bookingId),
    check('coaching_credit_units_spent', sql`(${t.bookingId} is null) = (${t.spentAt} is null)`),
    check('coaching_credit_units_spent_live', sql`${t.bookingId} is null or (${t.takenBackAt} is null and ${t.expiredAt} is null)`),
    check('coaching_credit_units_before_expiry', sql`${t.spentAt} is null or ${t.spentAt} < ${t.expiresAt}`),
  ],
)

/** Admin extensions of a credit's expiry (audited too). */
export const coachingCreditExtensions = pgTable(
  'coaching_credit_extensions',
  {
    unitId: uuid()
      .notNull()
      .references(() => coachingCreditUnits.id, { onDelete: 'cascade' }),
    previousExpiresAt: at().notNull(),
    expiresAt: at().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: at().notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.createdAt] })],
)

/**
 * The private calendar feed of a member or coach (`GET /coaching/agenda/<id>.<secret>.ics`), one per
 * user. As with sessions, the token is `<id>.<secret>`: the id is stored as it is, the secret only as
 * its SHA-256 (compared in constant time), so the URL is shown once, when it is made. A new link
 * replaces the row (the old URL stops at once); revoking deletes it.
 */
export const coachingCalendarFeeds = pgTable(
  'coaching_calendar_feeds',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secretHash: text().notNull(),
    createdAt: at().notNull(),
    /** Last fetched by a calendar app (written at most hourly), so the owner sees it works. */
    lastFetchedAt: at(),
  },
  (t) => [uniqueIndex('coaching_calendar_feeds_user_unique').on(t.userId)],
)
