import { coachingBookings, eq } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { loadBookingFor, type Actor } from './load-booking.ts'

/**
 * The coach writes private notes on a session and a short summary the member sees (on the session's
 * page). Only the booking's coach or an admin; a member, or another coach, finds no such booking.
 * A cancelled session takes no notes.
 */
export async function saveSessionNotes(deps: Pick<AppDeps, 'db' | 'clock'>, options: { actor: Actor; bookingId: string; coachNote: string; sharedSummary: string }) {
  return inTransaction(deps, async (tx) => {
    const { booking, as } = await loadBookingFor(tx.db, options.bookingId, options.actor)
    if (as === 'member') throw new AppError('NOT_FOUND', 'coaching.bookingNotFound')
    if (booking.status === 'canceled') throw new AppError('CONFLICT', 'coaching.bookingClosed')
    const [saved] = await tx.db
      .update(coachingBookings)
      .set({ coachNote: options.coachNote, sharedSummary: options.sharedSummary, updatedAt: tx.clock.now() })
      .where(eq(coachingBookings.id, booking.id))
      .returning({ id: coachingBookings.id, coachNote: coachingBookings.coachNote, sharedSummary: coachingBookings.sharedSummary })
    return saved!
  })
}
