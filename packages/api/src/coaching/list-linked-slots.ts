import type { AppDeps } from '../deps.ts'
import { getLinkedSession } from './get-linked-session.ts'
import { listSlots, type SlotList } from './list-slots.ts'

/** The times a signed mail link may move its session to (the booking's own time and limits free for it). */
export async function listLinkedSlots(deps: Pick<AppDeps, 'db' | 'clock' | 'pseudonymize'>, options: { token: string }): Promise<SlotList> {
  const { booking } = await getLinkedSession(deps, options)
  return listSlots(deps, { memberId: booking.memberId, coachId: booking.coachId, sessionTypeId: booking.sessionTypeId, rescheduleBookingId: booking.id })
}
