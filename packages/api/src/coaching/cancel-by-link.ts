import type { AppDeps } from '../deps.ts'
import { cancelBooking } from './cancel-booking.ts'
import { getLinkedSession } from './get-linked-session.ts'

/** Cancels the session of a signed mail link, as its member (the cancellation window applies); used once. */
export async function cancelByLink(deps: AppDeps, options: { token: string; acceptForfeit: boolean }) {
  const { booking } = await getLinkedSession(deps, options)
  const canceled = await cancelBooking(deps, { actor: { userId: booking.memberId, role: 'member' }, bookingId: booking.id, acceptForfeit: options.acceptForfeit, expectedSequence: booking.sequence })
  return { creditReturned: canceled.creditReturned }
}
