import { timingSafeEqual } from 'node:crypto'
import type { AppDeps } from '../deps.ts'
import type { BookingRow } from './coach-rules.ts'

/**
 * The signed links in the booking mails: `/coaching/link/<bookingId>.<sequence>.<signature>`, a
 * member's way to reschedule or cancel without logging in. The signature is the app's keyed hash
 * (HMAC-SHA256 under the session secret, purpose-prefixed) of booking, SEQUENCE and member.
 * Single use: rescheduling or cancelling raises the booking's SEQUENCE, so the old link no longer
 * matches (the next mail carries a new one). It expires at the session's start.
 */

const TOKEN = /^([0-9a-f-]{36})\.(0|[1-9][0-9]{0,5})\.([A-Za-z0-9_-]{22})$/

function signature(deps: Pick<AppDeps, 'pseudonymize'>, bookingId: string, sequence: number, memberId: string): string {
  return deps.pseudonymize(`coaching-session-link:v1:${bookingId}.${sequence}.${memberId}`)
}

export function sessionLinkToken(deps: Pick<AppDeps, 'pseudonymize'>, booking: Pick<BookingRow, 'id' | 'sequence' | 'memberId'>): string {
  return `${booking.id}.${booking.sequence}.${signature(deps, booking.id, booking.sequence, booking.memberId)}`
}

/** The booking id and SEQUENCE a well-formed token names; its signature is checked against the booking (`linkMatches`). */
export function parseSessionLink(token: string): { bookingId: string; sequence: number; signature: string } | null {
  const match = TOKEN.exec(token)
  return match ? { bookingId: match[1]!, sequence: Number(match[2]), signature: match[3]! } : null
}

/** True when the token was made for this booking in its current state, and the session has not started. */
export function linkMatches(deps: Pick<AppDeps, 'pseudonymize'>, token: string, booking: Pick<BookingRow, 'id' | 'sequence' | 'memberId' | 'status' | 'startsAt'>, now: Date): boolean {
  const parsed = parseSessionLink(token)
  if (!parsed || parsed.bookingId !== booking.id || parsed.sequence !== booking.sequence) return false
  const expected = Buffer.from(signature(deps, booking.id, booking.sequence, booking.memberId))
  const given = Buffer.from(parsed.signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false
  return booking.status === 'booked' && booking.startsAt > now
}
