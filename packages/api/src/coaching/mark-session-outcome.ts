import { coachingBookings, eq } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { lockBalance, returnBookingCredits } from './credit-ledger.ts'
import { loadBookingFor, type Actor } from './load-booking.ts'

export type SessionOutcome = 'held' | 'member_no_show' | 'coach_no_show'

/** After the start, the coach (or an admin) says how it went; a coach no-show gives the credit back. */
export async function markSessionOutcome(deps: Pick<AppDeps, 'db' | 'clock'>, options: { actor: Actor; bookingId: string; outcome: SessionOutcome }) {
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    const { booking, as } = await loadBookingFor(tx.db, options.bookingId, options.actor)
    if (as === 'member') throw new AppError('NOT_FOUND', 'coaching.bookingNotFound')
    if (booking.status === options.outcome) return booking
    if (booking.status !== 'booked' || booking.startsAt > now) throw new AppError('CONFLICT', 'coaching.bookingClosed')
    let creditReturned = false
    if (options.outcome === 'coach_no_show') {
      await lockBalance(tx.db, booking.memberId)
      creditReturned = (await returnBookingCredits(tx.db, { userId: booking.memberId, bookingId: booking.id, now })) > 0
    }
    const [marked] = await tx.db.update(coachingBookings).set({ status: options.outcome, creditReturned, updatedAt: now }).where(eq(coachingBookings.id, booking.id)).returning()
    await recordAudit(tx.db, { actorUserId: options.actor.userId, subjectUserId: booking.memberId, action: 'coaching.outcome', details: { bookingId: booking.id, outcome: options.outcome } }, now)
    return marked!
  })
}
