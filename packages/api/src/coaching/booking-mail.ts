import { coachProfiles, coachingMemberSettings, coachingSessionTypes, eq, users, type DbOrTx } from '@jouwbot/db'
import { enqueueMail, type CoachingSessionMail, type MailLocale } from '@jouwbot/mail'
import type { AppDeps } from '../deps.ts'
import { calendarFile } from './calendar-file.ts'
import { sessionLinkToken } from './session-link.ts'
import type { BookingRow } from './coach-rules.ts'

/** `pseudonymize` signs the member's link; without it (a cancel mail needs none) the link is the session page. */
type MailDeps = Pick<AppDeps, 'seller' | 'appOrigin'> & Partial<Pick<AppDeps, 'pseudonymize'>>

export type BookingEvent = CoachingSessionMail['event']

/** Where a mail's button leads: the member to the session's own page (reschedule, cancel), the coach to their list. */
export function sessionsUrl(deps: Pick<AppDeps, 'appOrigin'>, recipient: 'member' | 'coach', bookingId?: string): string {
  if (recipient === 'coach') return `${deps.appOrigin}/coach`
  return bookingId ? `${deps.appOrigin}/coaching/sessies/${bookingId}` : `${deps.appOrigin}/coaching`
}

/**
 * Tells the member and the coach about a booking, in the transaction that changed it: each in their
 * own language and time zone, with the calendar file (REQUEST, or CANCEL once cancelled). Sent once
 * per booking, event, SEQUENCE and recipient (the outbox's dedupe key).
 */
export async function mailBookingParties(
  tx: DbOrTx,
  deps: MailDeps,
  booking: BookingRow,
  event: BookingEvent,
  now: Date,
  extra: { canceledByCoach?: boolean; dedupeSuffix?: string; only?: 'coach' } = {},
): Promise<void> {
  const [member] = await tx
    .select({ email: users.email, firstName: users.firstName, lastName: users.lastName, locale: users.locale, timeZone: coachingMemberSettings.timeZone })
    .from(users)
    .leftJoin(coachingMemberSettings, eq(coachingMemberSettings.userId, users.id))
    .where(eq(users.id, booking.memberId))
  const [coach] = await tx
    .select({ email: users.email, firstName: users.firstName, locale: users.locale, profile: coachProfiles })
    .from(coachProfiles)
    .innerJoin(users, eq(users.id, coachProfiles.userId))
    .where(eq(coachProfiles.userId, booking.coachId))
  const [type] = await tx.select().from(coachingSessionTypes).where(eq(coachingSessionTypes.id, booking.sessionTypeId))
  if (!member || !coach || !type) return
  const host = new URL(deps.appOrigin).hostname
  const memberName = `${member.firstName} ${member.lastName}`.trim()
  const canceled = booking.status === 'canceled'
  const ics = calendarFile(
    {
      id: booking.id,
      sequence: booking.sequence,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      canceled,
      summary: `${type.title} – ${coach.profile.displayName} & ${memberName}`,
      description: booking.topic,
      location: coach.profile.locationDetail,
      organizer: { name: coach.profile.displayName, email: coach.email },
      attendee: { name: memberName, email: member.email },
      url: sessionsUrl(deps, 'member', booking.id),
    },
    now,
    host,
  )
  const attachments = event === 'reminder' ? [] : [{ filename: 'coaching.ics', contentType: `text/calendar; charset=utf-8; method=${canceled ? 'CANCEL' : 'REQUEST'}`, content: ics }]
  const common = {
    event,
    sessionTitle: type.title,
    startsAt: booking.startsAt.toISOString(),
    durationMinutes: Math.round((booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000),
    location: coach.profile.locationDetail,
    topic: booking.topic,
    expressStart: booking.expressStartRequestedAt !== null,
    creditReturned: canceled ? booking.creditReturned : null,
    canceledByCoach: extra.canceledByCoach ?? false,
  }
  const key = (recipient: string) => `coaching:${booking.id}:${event}:${booking.sequence}:${recipient}${extra.dedupeSuffix ?? ''}`
  // An account being erased: only the coach is told (the member's mail would go with the account).
  if (extra.only !== 'coach') await enqueueMail(
    tx,
    {
      to: member.email,
      template: 'coachingSession',
      locale: asLocale(member.locale),
      params: {
        ...common,
        firstName: member.firstName,
        recipient: 'member',
        counterpart: coach.profile.displayName,
        timeZone: member.timeZone ?? coach.profile.timeZone,
        // A live session: the signed link (reschedule or cancel without logging in); cancelled: book again.
        url: canceled ? sessionsUrl(deps, 'member') : deps.pseudonymize ? `${deps.appOrigin}/coaching/link/${sessionLinkToken({ pseudonymize: deps.pseudonymize }, booking)}` : sessionsUrl(deps, 'member', booking.id),
      },
      seller: deps.seller,
      dedupeKey: key('member'),
      attachments,
    },
    now,
  )
  await enqueueMail(
    tx,
    {
      to: coach.email,
      template: 'coachingSession',
      locale: asLocale(coach.locale),
      params: { ...common, firstName: coach.firstName, recipient: 'coach', counterpart: memberName, timeZone: coach.profile.timeZone, url: sessionsUrl(deps, 'coach') },
      seller: deps.seller,
      dedupeKey: key('coach'),
      attachments,
    },
    now,
  )
}

function asLocale(locale: string): MailLocale {
  return locale === 'en' ? 'en' : 'nl'
}
