import { constantTimeEqualStrings, randomToken, sha256Hex } from '@jouwbot/auth'
import { and, asc, coachingBookings, coachingCalendarFeeds, coachProfiles, coachingSessionTypes, eq, gte, lte, ne, or, users } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import { countAttempt } from '../auth/rate-limits.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { sessionsUrl } from './booking-mail.ts'
import { calendarFeed, type FeedBooking } from './calendar-file.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** The feed shows sessions from this long ago up to a year ahead (past any coach's booking horizon). */
export const FEED_PAST_DAYS = 30
const FEED_FUTURE_DAYS = 366
const FEED_MAX_EVENTS = 500

/**
 * Fetches that found no feed, per IP (HMAC-pseudonymised): counted before the lookup and given back
 * when the token was right, so calendar services that fetch many members' feeds from one address
 * are never throttled, while someone trying tokens is, for every token, until the window ends.
 */
export const calendarFeedRateLimit = { name: 'coaching-feed:ip', limit: 30, windowSeconds: 15 * 60 }

/** `<id>.<secret>.ics`: 128-bit id and 256-bit secret, base32 lower case (as `randomToken` writes them). */
const FEED_FILE = /^([a-z2-7]{26})\.([a-z2-7]{52})\.ics$/

type FeedUser = { id: string; role: 'member' | 'coach' | 'admin'; totpEnabledAt: Date | null }

/** Coach sessions go into a feed only for a coach (or admin) with two-step verification, like the /coach pages. */
const seesCoachSessions = (user: FeedUser) => user.role !== 'member' && user.totpEnabledAt !== null

export function calendarFeedUrls(deps: Pick<AppDeps, 'appOrigin'>, token: string) {
  const url = `${deps.appOrigin}/coaching/agenda/${token}.ics`
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') }
}

/** Whether the user has a feed, since when, and when a calendar app last fetched it (never the URL). */
export async function getCalendarFeedStatus(deps: Pick<AppDeps, 'db'>, options: { userId: string }) {
  const [feed] = await deps.db
    .select({ createdAt: coachingCalendarFeeds.createdAt, lastFetchedAt: coachingCalendarFeeds.lastFetchedAt })
    .from(coachingCalendarFeeds)
    .where(eq(coachingCalendarFeeds.userId, options.userId))
  return feed ?? null
}

/**
 * Makes the user's feed URL, replacing any earlier one (which stops working at once). The URL is
 * returned this once: only the id and the SHA-256 of the secret are stored. Audited.
 */
export async function createCalendarFeed(deps: Pick<AppDeps, 'db' | 'clock' | 'appOrigin'>, options: { user: FeedUser }) {
  const { user } = options
  // A coach's feed holds their members' names and topics: the same two-step rule as the /coach pages.
  if (user.role !== 'member' && !user.totpEnabledAt) throw new AppError('FORBIDDEN', 'privacy.staffTwoFactorRequired')
  const now = deps.clock.now()
  const id = randomToken(16)
  const secret = randomToken(32)
  await inTransaction(deps, async ({ db }) => {
    const replaced = await db.delete(coachingCalendarFeeds).where(eq(coachingCalendarFeeds.userId, user.id)).returning({ id: coachingCalendarFeeds.id })
    await db.insert(coachingCalendarFeeds).values({ id, userId: user.id, secretHash: sha256Hex(secret), createdAt: now })
    await recordAudit(db, { actorUserId: user.id, subjectUserId: user.id, action: 'coaching.calendar_feed_created', details: { replaced: replaced.length > 0 } }, now)
  })
  return { ...calendarFeedUrls(deps, `${id}.${secret}`), createdAt: now }
}

/** Revokes the user's feed URL at once (audited); nothing to do when there is none. */
export async function revokeCalendarFeed(deps: Pick<AppDeps, 'db' | 'clock'>, options: { userId: string }): Promise<{ revoked: boolean }> {
  const now = deps.clock.now()
  return inTransaction(deps, async ({ db }) => {
    const deleted = await db.delete(coachingCalendarFeeds).where(eq(coachingCalendarFeeds.userId, options.userId)).returning({ id: coachingCalendarFeeds.id })
    if (deleted.length > 0) await recordAudit(db, { actorUserId: options.userId, subjectUserId: options.userId, action: 'coaching.calendar_feed_revoked', details: {} }, now)
    return { revoked: deleted.length > 0 }
  })
}

/**
 * The feed behind `GET /coaching/agenda/<file>`: the owner's live and past sessions (as member, and
 * as coach when they are one) from 30 days back, each with the UID and SEQUENCE of its mails and its
 * location (the owner is a party of every booking in it); cancelled ones are left out. An unknown,
 * revoked or malformed token is `NOT_FOUND`; too many of those from one IP, `TOO_MANY_REQUESTS`.
 */
export async function renderCalendarFeed(deps: Pick<AppDeps, 'db' | 'clock' | 'appOrigin' | 'pseudonymize'>, options: { file: string; ip: string }): Promise<string> {
  const attempt = await countAttempt(deps, [[calendarFeedRateLimit, `ip:${options.ip}`]])
  if (attempt.throttled) throw new AppError('TOO_MANY_REQUESTS', 'error.tooManyRequests', { retryAfterSeconds: attempt.retryAfterSeconds })
  const match = FEED_FILE.exec(options.file)
  const [row] = match
    ? await deps.db
        .select({ feed: coachingCalendarFeeds, user: { id: users.id, role: users.role, totpEnabledAt: users.totpEnabledAt } })
        .from(coachingCalendarFeeds)
        .innerJoin(users, eq(users.id, coachingCalendarFeeds.userId))
        .where(eq(coachingCalendarFeeds.id, match[1]!))
    : []
  // Compared in constant time, as session tokens are.
  if (!match || !row || !constantTimeEqualStrings(row.feed.secretHash, sha256Hex(match[2]!))) throw new AppError('NOT_FOUND', 'error.notFound')
  await attempt.release()

  const now = deps.clock.now()
  if (!row.feed.lastFetchedAt || now.getTime() - row.feed.lastFetchedAt.getTime() >= HOUR) {
    await deps.db.update(coachingCalendarFeeds).set({ lastFetchedAt: now }).where(eq(coachingCalendarFeeds.id, row.feed.id))
  }
  const user = row.user
  const member = { firstName: users.firstName, lastName: users.lastName }
  const bookings = await deps.db
    .select({ booking: coachingBookings, coachName: coachProfiles.displayName, location: coachProfiles.locationDetail, title: coachingSessionTypes.title, member })
    .from(coachingBookings)
    .innerJoin(coachProfiles, eq(coachProfiles.userId, coachingBookings.coachId))
    .innerJoin(coachingSessionTypes, eq(coachingSessionTypes.id, coachingBookings.sessionTypeId))
    .innerJoin(users, eq(users.id, coachingBookings.memberId))
    .where(
      and(
        seesCoachSessions(user) ? or(eq(coachingBookings.memberId, user.id), eq(coachingBookings.coachId, user.id)) : eq(coachingBookings.memberId, user.id),
        ne(coachingBookings.status, 'canceled'),
        gte(coachingBookings.startsAt, new Date(now.getTime() - FEED_PAST_DAYS * DAY)),
        lte(coachingBookings.startsAt, new Date(now.getTime() + FEED_FUTURE_DAYS * DAY)),
      ),
    )
    .orderBy(asc(coachingBookings.startsAt))
    .limit(FEED_MAX_EVENTS)
  const events: FeedBooking[] = bookings.map(({ booking, coachName, location, title, member }) => ({
    id: booking.id,
    sequence: booking.sequence,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    // The same summary as the mails' calendar file, so an imported invitation and the feed agree.
    summary: `${title} – ${coachName} & ${`${member.firstName} ${member.lastName}`.trim()}`,
    description: booking.topic,
    location,
    url: sessionsUrl(deps, booking.memberId === user.id ? 'member' : 'coach', booking.id),
  }))
  return calendarFeed(events, now, new URL(deps.appOrigin).hostname, 'Jouw Bot coaching')
}
