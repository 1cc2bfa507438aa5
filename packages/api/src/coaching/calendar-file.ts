import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator'

/**
 * The calendar file of one booking (RFC 5545, via ical-generator): one UID per booking for its whole
 * life, SEQUENCE raised by each reschedule and by the cancel, times in UTC (every client, Outlook
 * included, reads them without a VTIMEZONE block). METHOD:REQUEST while it stands, CANCEL once cancelled.
 * The private calendar feed (`calendarFeed`) writes the same events (same UID and SEQUENCE) as a
 * subscription: no METHOD, no organizer or attendees, so no client takes it for an invitation.
 */
export interface CalendarBooking {
  id: string
  sequence: number
  startsAt: Date
  endsAt: Date
  canceled: boolean
  summary: string
  description: string
  /** Only in files for the booked member and the coach. */
  location: string
  organizer: { name: string; email: string }
  attendee: { name: string; email: string }
  url: string
}

/** What a feed entry needs: a booking as the mails describe it, without the invitation's parties. */
export type FeedBooking = Omit<CalendarBooking, 'organizer' | 'attendee' | 'canceled'>

const PROD_ID = { company: 'Jouw Bot', product: 'coaching', language: 'NL' }

export function bookingUid(bookingId: string, host: string): string {
  return `coaching-${bookingId}@${host}`
}

function addBookingEvent(calendar: ICalCalendar, booking: FeedBooking & { canceled: boolean }, stamp: Date, host: string) {
  return calendar.createEvent({
    id: bookingUid(booking.id, host),
    sequence: booking.sequence,
    stamp,
    start: booking.startsAt,
    end: booking.endsAt,
    summary: booking.summary,
    description: booking.description,
    location: booking.location || null,
    status: booking.canceled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    url: booking.url,
  })
}

export function calendarFile(booking: CalendarBooking, stamp: Date, host: string): string {
  const calendar = ical({ prodId: PROD_ID, method: booking.canceled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST })
  const event = addBookingEvent(calendar, booking, stamp, host)
  event.organizer(booking.organizer)
  event.createAttendee({ name: booking.attendee.name, email: booking.attendee.email, rsvp: false })
  return calendar.toString()
}

/**
 * A subscribed calendar (Google, Apple, Outlook): the given bookings, each with the UID and SEQUENCE
 * of its mails. Cancelled bookings are left out by the caller: a subscribed event that disappears is
 * removed by every client, while STATUS:CANCELLED is shown struck through by some and not at all by others.
 */
export function calendarFeed(bookings: FeedBooking[], stamp: Date, host: string, name: string): string {
  // Clients poll at their own pace (Google: hours); the TTL asks for an hourly refresh.
  const calendar = ical({ prodId: PROD_ID, name, ttl: 60 * 60 })
  for (const booking of bookings) addBookingEvent(calendar, { ...booking, canceled: false }, stamp, host)
  return calendar.toString()
}
