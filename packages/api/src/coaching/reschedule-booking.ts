import { coachingBookings, eq, sql } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { mailBookingParties } from './booking-mail.ts'
import { liveBookings, loadSlotRules, type BookingRow } from './coach-rules.ts'
import { isOverlap } from './db-errors.ts'
import { loadBookingFor, type Actor } from './load-booking.ts'
import { computeSlots, isOffered } from './slots.ts'

export interface RescheduleBookingOptions {
  actor: Actor
  bookingId: string
  startsAt: Date
  /** A signed mail link's SEQUENCE: checked under the booking's lock, so a link moves a booking once. */
  expectedSequence?: number
}

/**
 * Moves a booking to another offered slot. A member may do so until the cancellation window (24 h by
 * default) and at most `maxReschedules` times; the coach or an admin at any time. The booking never
 * counts against itself (its own time and day are free for it); its credits stay spent. SEQUENCE goes
 * up, so calendars replace the old time; a repeat of the same move changes nothing.
 */
export async function rescheduleBooking(deps: AppDeps, options: RescheduleBookingOptions): Promise<BookingRow> {
  try {
    const result = await inTransaction(deps, async (tx) => {
      const now = tx.clock.now()
      const { booking, coach, type, as } = await loadBookingFor(tx.db, options.bookingId, options.actor)
      if (options.expectedSequence !== undefined && booking.sequence !== options.expectedSequence) throw new AppError('NOT_FOUND', 'coaching.linkInvalid')
      if (booking.status !== 'booked' || booking.startsAt <= now) throw new AppError('CONFLICT', 'coaching.bookingClosed')
      if (booking.startsAt.getTime() === options.startsAt.getTime()) return booking
      if (as === 'member') {
        if (booking.startsAt.getTime() - now.getTime() < coach.cancelWindowHours * 3_600_000) throw new AppError('CONFLICT', 'coaching.tooLateToChange')
        if (booking.rescheduleCount >= coach.maxReschedules) throw new AppError('CONFLICT', 'coaching.rescheduleLimit')
      }
      const days = computeSlots({
        rules: await loadSlotRules(tx.db, coach),
        durationMinutes: type.durationMinutes,
        coachBookings: await liveBookings(tx.db, { coachId: coach.userId }, now, coach.horizonDays, booking.id),
        memberBookings: await liveBookings(tx.db, { memberId: booking.memberId }, now, coach.horizonDays, booking.id),
        now,
      })
      const slot = isOffered(days, options.startsAt)
      if (!slot) throw new AppError('CONFLICT', 'coaching.slotTaken')
      const [moved] = await tx.db
        .update(coachingBookings)
        .set({
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          rescheduleCount: as === 'member' ? sql`${coachingBookings.rescheduleCount} + 1` : coachingBookings.rescheduleCount,
          sequence: sql`${coachingBookings.sequence} + 1`,
          updatedAt: now,
        })
        .where(eq(coachingBookings.id, booking.id))
        .returning()
      await mailBookingParties(tx.db, tx, moved!, 'rescheduled', now)
      return moved!
    })
    deps.onMailQueued?.()
    return result
  } catch (error) {
    if (isOverlap(error)) throw new AppError('CONFLICT', 'coaching.slotTaken', { cause: error })
    throw error
  }
}
