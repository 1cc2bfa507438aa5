import { and, coachingBookings, coachingCreditUnits, coachingCredits, eq, inArray, type DbOrTx } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { mailBookingParties } from './booking-mail.ts'
import { cancelInTransaction } from './cancel-booking.ts'
import { lockBalance, orderUnitsInPlay, unitsTakenBack } from './credit-ledger.ts'

export interface TakeBackOrderCreditsOptions {
  orderId: string
  userId: string
  /** The refund id or the Mollie chargeback id: once per cause. */
  cause: string
  now: Date
}

/**
 * A refund or chargeback takes back what the order's credits still are: those unspent, and those spent
 * on sessions not yet held — such a session is cancelled (its credits come back first, so credits of
 * other orders that paid it stay with the member) and member and coach are told. Credits of other
 * orders and of admin grants are never touched; sessions held stay paid. Once per cause (the ledger's
 * unique key); returns how many credits were taken back.
 */
export async function takeBackOrderCredits(tx: DbOrTx, deps: Pick<AppDeps, 'seller' | 'appOrigin'>, options: TakeBackOrderCreditsOptions): Promise<number> {
  const { orderId, userId, cause, now } = options
  await lockBalance(tx, userId)
  const [done] = await tx
    .select({ id: coachingCredits.id })
    .from(coachingCredits)
    .where(and(eq(coachingCredits.orderId, orderId), eq(coachingCredits.reason, 'order_revoked'), eq(coachingCredits.cause, cause)))
  if (done) return 0
  const units = await orderUnitsInPlay(tx, orderId)
  const bookingIds = [...new Set(units.flatMap((unit) => (unit.bookingId ? [unit.bookingId] : [])))]
  const bookings = bookingIds.length > 0 ? await tx.select().from(coachingBookings).where(inArray(coachingBookings.id, bookingIds)).for('update') : []
  const toCancel = bookings.filter((booking) => booking.status === 'booked' && booking.startsAt > now)
  for (const booking of toCancel) {
    const canceled = await cancelInTransaction(tx, booking, { by: null, reason: 'credit_taken_back', returnCredit: true, now })
    await mailBookingParties(tx, deps, canceled, 'canceled', now, { canceledByCoach: false })
  }
  const canceledIds = new Set(toCancel.map((booking) => booking.id))
  const takeBack = units.filter((unit) => (unit.bookingId === null ? unit.expiresAt > now : canceledIds.has(unit.bookingId))).map((unit) => unit.id)
  if (takeBack.length === 0) return 0
  await tx.update(coachingCreditUnits).set({ takenBackAt: now, takenBackCause: cause }).where(inArray(coachingCreditUnits.id, takeBack))
  await tx.insert(coachingCredits).values({ userId, delta: -takeBack.length, reason: 'order_revoked', orderId, cause, createdAt: now })
  return takeBack.length
}

/**
 * A reversed chargeback gives back up to `credits` of the order's credits it took (once per cause).
 * Returns how many came back.
 */
export async function restoreOrderCredits(tx: DbOrTx, options: TakeBackOrderCreditsOptions & { credits: number }): Promise<number> {
  const { orderId, userId, cause, now } = options
  await lockBalance(tx, userId)
  const [done] = await tx
    .select({ id: coachingCredits.id })
    .from(coachingCredits)
    .where(and(eq(coachingCredits.orderId, orderId), eq(coachingCredits.reason, 'order_restored'), eq(coachingCredits.cause, cause)))
  if (done) return 0
  const taken = (await unitsTakenBack(tx, orderId)).slice(0, options.credits)
  if (taken.length === 0) return 0
  await tx
    .update(coachingCreditUnits)
    .set({ takenBackAt: null, takenBackCause: null })
    .where(inArray(coachingCreditUnits.id, taken.map((unit) => unit.id)))
  await tx.insert(coachingCredits).values({ userId, delta: taken.length, reason: 'order_restored', orderId, cause, createdAt: now })
  return taken.length
}
