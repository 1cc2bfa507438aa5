import { and, asc, coachProfiles, coachingBookings, coachingCreditBalances, coachingCreditUnits, coachingCredits, coachingMemberSettings, coachingSessionTypes, desc, eq, gt, isNull } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'

export interface CreditAccount {
  /** Credits the member can spend now. */
  balance: number
  /** The unspent credits, soonest expiry first. */
  credits: { id: string; grantedAt: Date; expiresAt: Date; fromOrder: boolean }[]
  history: { id: string; delta: number; reason: string; createdAt: Date; orderId: string | null; bookingId: string | null }[]
  timeZone: string | null
}

/** The account page's coaching block: balance, expiry dates and the ledger's history. */
export async function getCreditAccount(deps: Pick<AppDeps, 'db' | 'clock'>, options: { userId: string }): Promise<CreditAccount> {
  const now = deps.clock.now()
  const credits = await deps.db
    .select({ id: coachingCreditUnits.id, grantedAt: coachingCreditUnits.grantedAt, expiresAt: coachingCreditUnits.expiresAt, orderId: coachingCreditUnits.orderId })
    .from(coachingCreditUnits)
    .where(and(eq(coachingCreditUnits.userId, options.userId), isNull(coachingCreditUnits.bookingId), isNull(coachingCreditUnits.takenBackAt), isNull(coachingCreditUnits.expiredAt), gt(coachingCreditUnits.expiresAt, now)))
    .orderBy(asc(coachingCreditUnits.expiresAt), asc(coachingCreditUnits.grantedAt))
  const history = await deps.db
    .select({ id: coachingCredits.id, delta: coachingCredits.delta, reason: coachingCredits.reason, createdAt: coachingCredits.createdAt, orderId: coachingCredits.orderId, bookingId: coachingCredits.bookingId })
    .from(coachingCredits)
    .where(eq(coachingCredits.userId, options.userId))
    .orderBy(desc(coachingCredits.createdAt))
    .limit(200)
  const [settings] = await deps.db.select().from(coachingMemberSettings).where(eq(coachingMemberSettings.userId, options.userId))
  return {
    balance: credits.length,
    credits: credits.map(({ orderId, ...unit }) => ({ ...unit, fromOrder: orderId !== null })),
    history,
    timeZone: settings?.timeZone ?? null,
  }
}

/** The ledger's balance (the trigger-kept sum), for checks and tests. */
export async function ledgerBalance(deps: Pick<AppDeps, 'db'>, userId: string): Promise<number> {
  const [row] = await deps.db.select({ credits: coachingCreditBalances.credits }).from(coachingCreditBalances).where(eq(coachingCreditBalances.userId, userId))
  return row?.credits ?? 0
}

/** The member's sessions, upcoming and past; the location only for their own live bookings. */
export async function listMemberSessions(deps: Pick<AppDeps, 'db'>, options: { memberId: string }) {
  const rows = await deps.db
    .select({ booking: coachingBookings, coachName: coachProfiles.displayName, location: coachProfiles.locationDetail, locationKind: coachProfiles.locationKind, cancelWindowHours: coachProfiles.cancelWindowHours, maxReschedules: coachProfiles.maxReschedules, title: coachingSessionTypes.title })
    .from(coachingBookings)
    .innerJoin(coachProfiles, eq(coachProfiles.userId, coachingBookings.coachId))
    .innerJoin(coachingSessionTypes, eq(coachingSessionTypes.id, coachingBookings.sessionTypeId))
    .where(eq(coachingBookings.memberId, options.memberId))
    .orderBy(desc(coachingBookings.startsAt))
    .limit(200)
  return rows.map(({ booking, location, ...rest }) => ({
    id: booking.id,
    coachId: booking.coachId,
    sessionTypeId: booking.sessionTypeId,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    status: booking.status,
    topic: booking.topic,
    credits: booking.credits,
    rescheduleCount: booking.rescheduleCount,
    creditReturned: booking.creditReturned,
    expressStart: booking.expressStartRequestedAt !== null,
    /** The coach's shared summary (their private notes never leave the coach's pages). */
    sharedSummary: booking.sharedSummary,
    location: booking.status === 'booked' ? location : null,
    ...rest,
  }))
}
