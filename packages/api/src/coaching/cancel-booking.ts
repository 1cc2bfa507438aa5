import { coachingBookings, eq, sql, type DbOrTx } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { mailBookingParties } from './booking-mail.ts'
import type { BookingRow } from './coach-rules.ts'
import { lockBalance, returnBookingCredits } from './credit-ledger.ts'
import { loadBookingFor, type Actor } from './load-booking.ts'

export interface CancelBookingOptions {
  actor: Actor
  bookingId: string
  /** A member inside the cancellation window accepts that the credit lapses (shown before they confirm). */
  acceptForfeit: boolean
  /** A signed mail link's SEQUENCE: checked under the booking's lock, so a link is used once. */
  expectedSequence?: number
}

/**
 * Cancels a booking. The member, until the cancellation window: the credit comes back; later only with
 * `acceptForfeit`, and the credit lapses. The coach or an admin, at any time: the credit always comes
 * back and the member gets an apology with a link to book again. A repeat changes nothing.
 */
export async function cancelBooking(deps: AppDeps, options: CancelBookingOptions): Promise<BookingRow> {
  const result = await inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    const { booking, coach, as } = await loadBookingFor(tx.db, options.bookingId, options.actor)
    if (options.expectedSequence !== undefined && booking.sequence !== options.expectedSequence) throw new AppError('NOT_FOUND', 'coaching.linkInvalid')
    if (booking.status === 'canceled') return booking
    if (booking.status !== 'booked' || booking.startsAt <= now) throw new AppError('CONFLICT', 'coaching.bookingClosed')
    let returnCredit = true
    if (as === 'member' && booking.startsAt.getTime() - now.getTime() < coach.cancelWindowHours * 3_600_000) {
      if (!options.acceptForfeit) throw new AppError('CONFLICT', 'coaching.lateCancelNeedsConsent')
      returnCredit = false
    }
    const canceled = await cancelInTransaction(tx.db, booking, {
      by: options.actor.userId,
      reason: as === 'member' ? (returnCredit ? 'member' : 'member_late') : as,
      returnCredit,
      now,
    })
    if (as !== 'member') {
      await recordAudit(tx.db, { actorUserId: options.actor.userId, subjectUserId: booking.memberId, action: 'coaching.booking_canceled', details: { bookingId: booking.id, as } }, now)
    }
    await mailBookingParties(tx.db, tx, canceled, 'canceled', now, { canceledByCoach: as !== 'member' })
    return canceled
  })
  deps.onMailQueued?.()
  return result
}

/** Marks a locked booking cancelled and, if asked, returns its credits to the ledger (once). */
export async function cancelInTransaction(
  db: DbOrTx,
  booking: BookingRow,
  options: { by: string | null; reason: NonNullable<BookingRow['cancelReason']>; returnCredit: boolean; now: Date },
): Promise<BookingRow> {
  if (options.returnCredit) {
    await lockBalance(db, booking.memberId)
    await returnBookingCredits(db, { userId: booking.memberId, bookingId: booking.id, now: options.now })
  }
  const [canceled] = await db
    .update(coachingBookings)
    .set({
      status: 'canceled',
      canceledAt: options.now,
      canceledBy: options.by,
      cancelReason: options.reason,
      creditReturned: options.returnCredit,
      sequence: sql`${coachingBookings.sequence} + 1`,
      updatedAt: options.now,
    })
    .where(eq(coachingBookings.id, booking.id))
    .returning()
  return canceled!
}
