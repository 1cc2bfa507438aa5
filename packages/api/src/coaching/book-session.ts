import { and, coachProfiles, coachingBookings, coachingSessionTypes, eq, gt, ne, count } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { inTransaction, type TxDeps } from '../transaction.ts'
import { mailBookingParties } from './booking-mail.ts'
import { liveBookings, loadSlotRules, type BookingRow } from './coach-rules.ts'
import { lockBalance, spendCredits } from './credit-ledger.ts'
import { isOverlap, isUniqueViolation } from './db-errors.ts'
import { computeSlots, isOffered } from './slots.ts'

/** 14-day right of withdrawal from a distance purchase of a service. */
export const WITHDRAWAL_DAYS = 14
const DAY = 24 * 60 * 60 * 1000

export interface BookSessionOptions {
  memberId: string
  coachId: string
  sessionTypeId: string
  startsAt: Date
  topic: string
  lessonId: string | null
  expressStartRequested: boolean
  idempotencyKey: string
}

/**
 * A member books a slot: in one transaction the slot is checked against the coach's live slots (under
 * a lock on the coach), the booking is written (the exclusion constraints refuse any overlap, whatever
 * raced us), and its credits are spent oldest-first. A repeat with the same idempotency key returns the
 * same booking. Member and coach get the confirmation with the calendar file.
 */
export async function bookSession(deps: AppDeps, options: BookSessionOptions): Promise<BookingRow> {
  try {
    const booking = await inTransaction(deps, (tx) => bookInTransaction(tx, options))
    deps.onMailQueued?.()
    return booking
  } catch (error) {
    if (isOverlap(error)) throw new AppError('CONFLICT', 'coaching.slotTaken', { cause: error })
    if (isUniqueViolation(error)) {
      // The same request raced itself: the other attempt made the booking.
      const [existing] = await deps.db
        .select()
        .from(coachingBookings)
        .where(and(eq(coachingBookings.memberId, options.memberId), eq(coachingBookings.idempotencyKey, options.idempotencyKey)))
      if (existing && sameRequest(existing, options)) return existing
      throw new AppError('CONFLICT', 'coaching.requestReused', { cause: error })
    }
    throw error
  }
}

function sameRequest(booking: BookingRow, options: BookSessionOptions): boolean {
  return booking.coachId === options.coachId && booking.sessionTypeId === options.sessionTypeId && (booking.rescheduleCount > 0 || booking.startsAt.getTime() === options.startsAt.getTime())
}

async function bookInTransaction(tx: TxDeps, options: BookSessionOptions): Promise<BookingRow> {
  const now = tx.clock.now()
  const [existing] = await tx.db
    .select()
    .from(coachingBookings)
    .where(and(eq(coachingBookings.memberId, options.memberId), eq(coachingBookings.idempotencyKey, options.idempotencyKey)))
  if (existing) {
    if (!sameRequest(existing, options)) throw new AppError('CONFLICT', 'coaching.requestReused')
    return existing
  }
  // One booking of this coach at a time: the slot check below sees every committed booking.
  const [coach] = await tx.db.select().from(coachProfiles).where(eq(coachProfiles.userId, options.coachId)).for('update')
  if (!coach || !coach.active) throw new AppError('NOT_FOUND', 'coaching.coachNotFound')
  // Looked up again under the lock: the same request racing itself finds the booking its twin made.
  const [twin] = await tx.db
    .select()
    .from(coachingBookings)
    .where(and(eq(coachingBookings.memberId, options.memberId), eq(coachingBookings.idempotencyKey, options.idempotencyKey)))
  if (twin) {
    if (!sameRequest(twin, options)) throw new AppError('CONFLICT', 'coaching.requestReused')
    return twin
  }
  const [type] = await tx.db
    .select()
    .from(coachingSessionTypes)
    .where(and(eq(coachingSessionTypes.id, options.sessionTypeId), eq(coachingSessionTypes.coachId, coach.userId), eq(coachingSessionTypes.active, true)))
  if (!type) throw new AppError('NOT_FOUND', 'coaching.sessionTypeNotFound')
  await lockBalance(tx.db, options.memberId)

  if (coach.maxUpcomingPerMember !== null) {
    const [upcoming] = await tx.db
      .select({ n: count() })
      .from(coachingBookings)
      .where(and(eq(coachingBookings.coachId, coach.userId), eq(coachingBookings.memberId, options.memberId), ne(coachingBookings.status, 'canceled'), gt(coachingBookings.endsAt, now)))
    if ((upcoming?.n ?? 0) >= coach.maxUpcomingPerMember) throw new AppError('CONFLICT', 'coaching.tooManyUpcoming')
  }
  const rules = await loadSlotRules(tx.db, coach)
  const days = computeSlots({
    rules,
    durationMinutes: type.durationMinutes,
    coachBookings: await liveBookings(tx.db, { coachId: coach.userId }, now, coach.horizonDays),
    memberBookings: await liveBookings(tx.db, { memberId: options.memberId }, now, coach.horizonDays),
    now,
  })
  const slot = isOffered(days, options.startsAt)
  if (!slot) throw new AppError('CONFLICT', 'coaching.slotTaken')

  const [booking] = await tx.db
    .insert(coachingBookings)
    .values({
      coachId: coach.userId,
      memberId: options.memberId,
      sessionTypeId: type.id,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      credits: type.credits,
      topic: options.topic,
      lessonId: options.lessonId,
      idempotencyKey: options.idempotencyKey,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  const spent = await spendCredits(tx.db, { userId: options.memberId, bookingId: booking!.id, credits: type.credits, now })
  if (!spent) throw new AppError('CONFLICT', 'coaching.notEnoughCredits')

  // A credit bought less than 14 days before the session starts: the service would begin inside the
  // withdrawal period, which the member must ask for expressly (stored, repeated in the mail).
  const insideWithdrawal = spent.some((unit) => unit.orderId !== null && slot.startsAt.getTime() < unit.grantedAt.getTime() + WITHDRAWAL_DAYS * DAY)
  let stored = booking!
  if (insideWithdrawal) {
    if (!options.expressStartRequested) throw new AppError('BAD_REQUEST', 'coaching.expressStartRequired')
    const [updated] = await tx.db.update(coachingBookings).set({ expressStartRequestedAt: now }).where(eq(coachingBookings.id, stored.id)).returning()
    stored = updated!
  }
  await mailBookingParties(tx.db, tx, stored, 'booked', now)
  return stored
}
