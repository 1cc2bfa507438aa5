import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'

/**
 * The calendar file of one booking (RFC 5545, via ical-generator): one UID per booking for its whole
 * life, SEQUENCE raised by each reschedule and by the cancel, times in UTC (every client, Outlook
 * included, reads them without a VTIMEZONE block). METHOD:REQUEST while it stands, CANCEL once cancelled.
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

export function bookingUid(bookingId: string, host: string): string {
  return `coaching-${bookingId}@${host}`
}

export function calendarFile(booking: CalendarBooking, stamp: Date, host: string): string {
  const calendar = ical({ prodId: { company: 'Jouw Bot', product: 'coaching', language: 'NL' }, method: booking.canceled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST })
  calendar.createEvent({
    id: bookingUid(booking.id, host),
    sequence: booking.sequence,
    stamp,
    start: booking.startsAt,
    end: booking.endsAt,
    summary: booking.summary,
    description: booking.description,
    location: booking.location || null,
    organizer: booking.organizer,
    attendees: [{ name: booking.attendee.name, email: booking.attendee.email, rsvp: false }],
    status: booking.canceled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    url: booking.url,
  })
  return calendar.toString()
}
