import type { AppDeps } from '../deps.ts'
import { getLinkedSession } from './get-linked-session.ts'
import { rescheduleBooking } from './reschedule-booking.ts'

/**
 * Moves the session of a signed mail link, as its member, under the member's rules. The link's
 * SEQUENCE is checked again under the booking's lock: two uses of one link move it once.
 */
export async function rescheduleByLink(deps: AppDeps, options: { token: string; startsAt: Date }) {
  const { booking } = await getLinkedSession(deps, options)
  const moved = await rescheduleBooking(deps, { actor: { userId: booking.memberId, role: 'member' }, bookingId: booking.id, startsAt: options.startsAt, expectedSequence: booking.sequence })
  return { startsAt: moved.startsAt, endsAt: moved.endsAt }
}
