/**
 * Issue 10 §6, the property test: random sequences of purchases, refunds, bookings, reschedules,
 * cancels and no-shows (and the clock moving on), through the real services. Afterwards — and after
 * every step — every member's balance equals the ledger's sum and the credits they can spend, is never
 * below zero, and no two live bookings of a coach (or of a member) overlap. Seeded (mulberry32), so a
 * failing seed replays exactly; the only refusals allowed are the services' own AppErrors.
 */
import { describe, expect, test } from 'vitest'
import { bookSession, cancelBooking, listSlots, markSessionOutcome, rescheduleBooking, takeBackOrderCredits } from '@jouwbot/api/coaching'
import { and, coachingBookings, coachingCreditBalances, eq, ne, orders } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import { grantOrderCredits } from '../../packages/api/src/coaching/grant-order-credits.ts'
import { lockBalance } from '../../packages/api/src/coaching/credit-ledger.ts'
import { insertCoach, insertUser, ledgerSum, spendableUnits } from '../helpers/coaching.ts'
import { budget } from '../helpers/budget.ts'
import { makeDeps } from '../helpers/deps.ts'
import { propertySeeds } from '../helpers/property.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()
const HOUR = 3_600_000
const STEPS = 60

function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Deps = ReturnType<typeof makeDeps>

/** A paid order of `credits` coaching credits, straight into the tables (the checkout has its own tests). */
async function purchase(deps: Deps, member: { id: string; email: string }, credits: number) {
  const now = deps.clock.now()
  const [order] = await deps.db
    .insert(orders)
    .values({
      userId: member.id,
      requestId: crypto.randomUUID(),
      status: 'paid',
      locale: 'nl',
      totalExclCents: 12_314 * credits,
      totalVatCents: 2_586 * credits,
      totalCents: 14_900 * credits,
      buyerEmail: member.email,
      billing: { name: 'Sanne Test', company: null, addressLine: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Utrecht', country: 'NL' },
      mode: 'test',
      paidAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  await deps.db.transaction(async (tx) => {
    await lockBalance(tx, member.id)
    await grantOrderCredits(tx, { userId: member.id, orderId: order!.id, credits, paidAt: now, now })
  })
  return order!.id
}

async function refund(deps: Deps, member: { id: string }, orderId: string) {
  return deps.db.transaction((tx) => takeBackOrderCredits(tx, deps, { orderId, userId: member.id, cause: crypto.randomUUID(), now: deps.clock.now() }))
}

/** The invariants: checked after every step. */
async function checkInvariants(deps: Deps, memberIds: string[], context: string) {
  for (const id of memberIds) {
    const [row] = await deps.db.select().from(coachingCreditBalances).where(eq(coachingCreditBalances.userId, id))
    const balance = row?.credits ?? 0
    const sum = await ledgerSum(deps.db, id)
    expect(balance, `${context}: balance = ledger sum`).toBe(sum)
    expect(balance, `${context}: never below zero`).toBeGreaterThanOrEqual(0)
    expect(await spendableUnits(deps.db, id), `${context}: spendable credits = balance`).toBe(balance)
  }
  const live = await deps.db.select().from(coachingBookings).where(ne(coachingBookings.status, 'canceled'))
  for (const owner of ['coachId', 'memberId'] as const) {
    const overlapping = live.filter((a) => live.some((b) => a.id < b.id && a[owner] === b[owner] && a.startsAt < b.endsAt && b.startsAt < a.endsAt))
    expect(overlapping.map((b) => b.id), `${context}: no overlapping live bookings per ${owner}`).toEqual([])
  }
}

describe('coaching credits and bookings under random sequences', () => {
  test.each(propertySeeds(5))('seed %i: balances equal the ledger, never negative, no overlapping sessions', async (seed) => {
    const next = random(seed)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
    const deps = makeDeps(db())
    deps.clock.set(new Date('2026-03-23T08:00:00Z')) // the week the clocks go forward in Amsterdam
    // A coach with buffers and a daily limit, a plain one; three members.
    const coaches = [await insertCoach(deps, { bufferBeforeMinutes: 15, bufferAfterMinutes: 15, maxSessionsPerDay: 3, minimumNoticeMinutes: 120 }), await insertCoach(deps, { minimumNoticeMinutes: 60 })]
    const members = [await insertUser(deps), await insertUser(deps), await insertUser(deps)]
    const memberIds = members.map((m) => m.id)
    const ordersOf = new Map<string, string[]>(memberIds.map((id) => [id, []]))
    const counts: Record<string, number> = {}
    const refused: Record<string, number> = {}

    // Everyone starts with one purchase; then purchases and bookings outweigh the ways credits leave.
    for (const member of members) ordersOf.get(member.id)!.push(await purchase(deps, member, 3))
    const ops = ['purchase', 'purchase', 'refund', 'book', 'book', 'book', 'book', 'reschedule', 'reschedule', 'cancel', 'cancel', 'outcome', 'outcome', 'time'] as const
    for (let step = 0; step < STEPS; step++) {
      const op = pick(ops)
      const member = pick(members)
      const now = deps.clock.now()
      const live = await deps.db
        .select()
        .from(coachingBookings)
        .where(and(eq(coachingBookings.memberId, member.id), eq(coachingBookings.status, 'booked')))
      try {
        if (op === 'purchase') {
          ordersOf.get(member.id)!.push(await purchase(deps, member, pick([1, 1, 3])))
        } else if (op === 'refund') {
          const orderId = ordersOf.get(member.id)!.length ? pick(ordersOf.get(member.id)!) : null
          if (orderId) await refund(deps, member, orderId)
        } else if (op === 'book') {
          const coach = pick(coaches)
          const slots = await listSlots(deps, { memberId: member.id, coachId: coach.coach.id, sessionTypeId: coach.type.id })
          const open = slots.days.flatMap((day) => day.slots).slice(0, 40)
          // Mostly an offered slot; sometimes one that is not (a stale page): refused, nothing spent.
          const startsAt = open.length && next() < 0.85 ? new Date(pick(open)) : new Date(now.getTime() + Math.floor(next() * 20 * 24) * HOUR)
          await bookSession(deps, {
            memberId: member.id,
            coachId: coach.coach.id,
            sessionTypeId: coach.type.id,
            startsAt,
            topic: '',
            lessonId: null,
            expressStartRequested: next() < 0.8,
            idempotencyKey: crypto.randomUUID(),
          })
        } else if (op === 'reschedule' && live.length) {
          const booking = pick(live)
          const slots = await listSlots(deps, { memberId: member.id, coachId: booking.coachId, sessionTypeId: booking.sessionTypeId, rescheduleBookingId: booking.id })
          const open = slots.days.flatMap((day) => day.slots).slice(0, 40)
          if (open.length) await rescheduleBooking(deps, { actor: { userId: member.id, role: 'member' }, bookingId: booking.id, startsAt: new Date(pick(open)) })
        } else if (op === 'cancel' && live.length) {
          const booking = pick(live)
          // The member (sometimes accepting a late forfeit), or now and then the coach.
          const actor = next() < 0.8 ? { userId: member.id, role: 'member' as const } : { userId: booking.coachId, role: 'coach' as const }
          await cancelBooking(deps, { actor, bookingId: booking.id, acceptForfeit: next() < 0.5 })
        } else if (op === 'outcome' && live.length) {
          const booking = pick(live)
          if (booking.startsAt > now) deps.clock.set(new Date(booking.startsAt.getTime() + 10 * 60_000))
          await markSessionOutcome(deps, { actor: { userId: booking.coachId, role: 'coach' }, bookingId: booking.id, outcome: pick(['held', 'member_no_show', 'coach_no_show'] as const) })
        } else if (op === 'time') {
          deps.clock.advance(Math.floor(next() * 72) * HOUR)
        }
        counts[op] = (counts[op] ?? 0) + 1
      } catch (error) {
        // Refusals are part of the game (no credit, slot gone, too late, …); anything else is a bug.
        if (!(error instanceof AppError)) throw error
        refused[`${op}:${error.message}`] = (refused[`${op}:${error.message}`] ?? 0) + 1
      }
      await checkInvariants(deps, memberIds, `seed ${seed}, step ${step} (${op})`)
    }
    // The sequence did something: sessions were booked and left the booked state in some way.
    const all = await deps.db.select().from(coachingBookings)
    expect(all.length, JSON.stringify({ counts, refused })).toBeGreaterThanOrEqual(3)
    expect(all.filter((booking) => booking.status !== 'booked').length, JSON.stringify({ counts, refused })).toBeGreaterThan(0)
  }, budget(120_000))
})
