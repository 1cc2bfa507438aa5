import { and, asc, coachingCreditBalances, coachingCreditUnits, coachingCredits, eq, gt, inArray, isNotNull, isNull, lte, orders, sql, type DbOrTx } from '@jouwbot/db'
import { DateTime } from 'luxon'

/**
 * The coaching credit ledger's moves, each inside the caller's transaction. Two records move
 * together: `coaching_credits` (every movement; its sum is the balance, kept by a trigger in
 * `coaching_credit_balances`, whose check refuses a negative balance) and `coaching_credit_units`
 * (one row per credit: origin, expiry, the booking spending it).
 */

/** Credits expire 12 months after purchase unless an admin extends them. */
export const CREDIT_VALIDITY_MONTHS = 12

export function creditExpiry(grantedAt: Date): Date {
  return DateTime.fromJSDate(grantedAt, { zone: 'UTC' }).plus({ months: CREDIT_VALIDITY_MONTHS }).toJSDate()
}

type Grant = { userId: string; credits: number; now: Date } & ({ reason: 'order'; orderId: string; grantedAt?: Date } | { reason: 'admin'; actorUserId: string; note: string })

/** Grants credits: one ledger row and one unit per credit. An order grants once (unique key): a repeat returns 0. */
export async function grantCreditsInLedger(tx: DbOrTx, grant: Grant): Promise<number> {
  if (grant.credits <= 0) return 0
  const [entry] = await tx
    .insert(coachingCredits)
    .values({
      userId: grant.userId,
      delta: grant.credits,
      reason: grant.reason,
      orderId: grant.reason === 'order' ? grant.orderId : null,
      actorUserId: grant.reason === 'admin' ? grant.actorUserId : null,
      note: grant.reason === 'admin' ? grant.note : null,
      createdAt: grant.now,
    })
    .onConflictDoNothing()
    .returning()
  if (!entry) return 0
  const grantedAt = grant.reason === 'order' ? (grant.grantedAt ?? grant.now) : grant.now
  await tx.insert(coachingCreditUnits).values(
    Array.from({ length: grant.credits }, () => ({
      userId: grant.userId,
      grantEntryId: entry.id,
      orderId: entry.orderId,
      grantedAt,
      expiresAt: creditExpiry(grantedAt),
    })),
  )
  return grant.credits
}

/** Locks the member's balance row: spends and returns of one member happen one at a time. */
export async function lockBalance(tx: DbOrTx, userId: string): Promise<number> {
  const [row] = await tx.select({ credits: coachingCreditBalances.credits }).from(coachingCreditBalances).where(eq(coachingCreditBalances.userId, userId)).for('update')
  return row?.credits ?? 0
}

/** Credits the member can spend now (not spent, taken back or expired). */
export function availableUnits(tx: DbOrTx, userId: string, now: Date) {
  return tx
    .select()
    .from(coachingCreditUnits)
    .where(and(eq(coachingCreditUnits.userId, userId), isNull(coachingCreditUnits.bookingId), isNull(coachingCreditUnits.takenBackAt), isNull(coachingCreditUnits.expiredAt), gt(coachingCreditUnits.expiresAt, now)))
    // Oldest grant first; Mollie's paidAt has whole seconds, so two orders paid in the same second go
    // in the order they were placed (admin grants, without an order, after them).
    .orderBy(asc(coachingCreditUnits.grantedAt), asc(sql`(select ${orders.createdAt} from ${orders} where ${orders.id} = ${coachingCreditUnits.orderId})`), asc(coachingCreditUnits.id))
}

export type SpentUnit = typeof coachingCreditUnits.$inferSelect

/**
 * Spends `credits` oldest-first for a booking, or returns null when the member has too few. Call
 * `lockBalance` first in the same transaction.
 */
export async function spendCredits(tx: DbOrTx, input: { userId: string; bookingId: string; credits: number; now: Date }): Promise<SpentUnit[] | null> {
  const units = (await availableUnits(tx, input.userId, input.now).limit(input.credits).for('update')) as SpentUnit[]
  if (units.length < input.credits) return null
  const spent = await tx
    .update(coachingCreditUnits)
    .set({ bookingId: input.bookingId, spentAt: input.now })
    .where(and(inArray(coachingCreditUnits.id, units.map((unit) => unit.id)), isNull(coachingCreditUnits.bookingId)))
    .returning()
  if (spent.length < input.credits) return null
  await tx.insert(coachingCredits).values({ userId: input.userId, delta: -input.credits, reason: 'booking', bookingId: input.bookingId, createdAt: input.now })
  return spent
}

/** Gives a booking's credits back (once: the ledger's unique key per booking and reason). Returns how many. */
export async function returnBookingCredits(tx: DbOrTx, input: { userId: string; bookingId: string; now: Date }): Promise<number> {
  const returned = await tx
    .update(coachingCreditUnits)
    .set({ bookingId: null, spentAt: null })
    .where(eq(coachingCreditUnits.bookingId, input.bookingId))
    .returning({ id: coachingCreditUnits.id })
  if (returned.length === 0) return 0
  await tx.insert(coachingCredits).values({ userId: input.userId, delta: returned.length, reason: 'booking_canceled', bookingId: input.bookingId, createdAt: input.now })
  return returned.length
}

/**
 * Writes the expiry of credits past their date to the ledger, once per credit (`expired_at`).
 * Returns how many expired per member.
 */
export async function expireDueCredits(tx: DbOrTx, now: Date, limit = 500): Promise<Map<string, number>> {
  const due = await tx
    .select({ id: coachingCreditUnits.id, userId: coachingCreditUnits.userId })
    .from(coachingCreditUnits)
    .where(and(isNull(coachingCreditUnits.bookingId), isNull(coachingCreditUnits.takenBackAt), isNull(coachingCreditUnits.expiredAt), lte(coachingCreditUnits.expiresAt, now)))
    .orderBy(asc(coachingCreditUnits.userId))
    .limit(limit)
    .for('update', { skipLocked: true })
  const perUser = new Map<string, number>()
  for (const unit of due) perUser.set(unit.userId, (perUser.get(unit.userId) ?? 0) + 1)
  for (const [userId] of perUser) await lockBalance(tx, userId)
  if (due.length > 0) {
    await tx.update(coachingCreditUnits).set({ expiredAt: now }).where(inArray(coachingCreditUnits.id, due.map((unit) => unit.id)))
  }
  for (const [userId, count] of perUser) {
    await tx.insert(coachingCredits).values({ userId, delta: -count, reason: 'expired', cause: `expiry-${now.toISOString()}`, createdAt: now })
  }
  return perUser
}

/** The units of an order that are still with the member or spent on a session not yet held. */
export function orderUnitsInPlay(tx: DbOrTx, orderId: string) {
  return tx
    .select()
    .from(coachingCreditUnits)
    .where(and(eq(coachingCreditUnits.orderId, orderId), isNull(coachingCreditUnits.takenBackAt), isNull(coachingCreditUnits.expiredAt)))
    .orderBy(asc(coachingCreditUnits.grantedAt), asc(coachingCreditUnits.id))
    .for('update')
}

export function unitsTakenBack(tx: DbOrTx, orderId: string) {
  return tx
    .select()
    .from(coachingCreditUnits)
    .where(and(eq(coachingCreditUnits.orderId, orderId), isNotNull(coachingCreditUnits.takenBackAt)))
    .orderBy(asc(coachingCreditUnits.grantedAt), asc(coachingCreditUnits.id))
    .for('update')
}

