import { describe, expect, test } from 'vitest'
import { bookSession, cancelBooking, expireCredits, extendCreditExpiry, listSlots, rescheduleBooking, sendReminders } from '@jouwbot/api/coaching'
import { coachProfiles, coachingBookings, coachingCreditUnits, coachingCredits, eq, mailOutbox, sql } from '@jouwbot/db'
import { coachingMails, insertCoach, insertUser, ledgerBalance, ledgerSum, memberWithCredits, parseIcs, spendableUnits, weekdayAt } from '../helpers/coaching.ts'
import { makeDeps } from '../helpers/deps.ts'
import { expectRefusal, rejectionOf } from '../helpers/flows.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()
const HOUR = 3_600_000
const DAY = 24 * HOUR

function setUp() {
  const deps = makeDeps(db())
  deps.clock.set(new Date('2026-06-01T06:00:00Z')) // Monday 08:00 in Amsterdam
  return deps
}
const book = (deps: ReturnType<typeof setUp>, memberId: string, coach: { coach: { id: string }; type: { id: string } }, startsAt: Date, extra: Partial<Parameters<typeof bookSession>[1]> = {}) =>
  bookSession(deps, {
    memberId,
    coachId: coach.coach.id,
    sessionTypeId: coach.type.id,
    startsAt,
    topic: 'Les 3 snap ik niet',
    lessonId: null,
    expressStartRequested: false,
    idempotencyKey: crypto.randomUUID(),
    ...extra,
  })

describe('booking', () => {
  test('spends one credit in the same transaction, mails member and coach a calendar file that parses back', async () => {
    const deps = setUp()
    const coach = await insertCoach(deps)
    const member = await memberWithCredits(deps, 2)
    const startsAt = weekdayAt(deps.clock.now(), 2, 10)
    const booking = await book(deps, member.id, coach, startsAt)
    expect(booking).toMatchObject({ status: 'booked', credits: 1, sequence: 0, startsAt })
    expect(await ledgerBalance(deps, member.id)).toBe(1)
    expect(await ledgerSum(deps.db, member.id)).toBe(1)
    expect(await spendableUnits(deps.db, member.id)).toBe(1)
    const spent = await deps.db.select().from(coachingCreditUnits).where(eq(coachingCreditUnits.bookingId, booking.id))
    expect(spent).toHaveLength(1)

    const [memberMail] = await coachingMails(deps.db, member.email)
    const [coachMail] = await coachingMails(deps.db, coach.coach.email)
    expect(memberMail!.subject).toContain('Bevestigd: Vastgelopen in een les')
    expect(memberMail!.text).toContain('Waar: https://meet.example/robin')
    expect(memberMail!.text).toContain('(Europe/Amsterdam)')
    expect(coachMail!.text).toContain('Sanne Test heeft een sessie')
    const ics = parseIcs(memberMail!.attachments![0]!.content)
    expect(ics).toMatchObject({ method: 'REQUEST', sequence: 0, status: 'CONFIRMED', location: 'https://meet.example/robin', uid: `coaching-${booking.id}@localhost` })
    expect(ics.start).toEqual(startsAt)
    expect(ics.end).toEqual(new Date(startsAt.getTime() + HOUR))
  })

  test('a repeated request (same key) returns the same booking and spends nothing more', async () => {
    const deps = setUp()
    const coach = await insertCoach(deps)
    const member = await memberWithCredits(deps, 3)
    const startsAt = weekdayAt(deps.clock.now(), 2, 10)
    const idempotencyKey = crypto.randomUUID()
    const [a, b] = await Promise.all([book(deps, member.id, coach, startsAt, { idempotencyKey }), book(deps, member.id, coach, startsAt, { idempotencyKey })])
    expect(a.id).toBe(b.id)
    expect(await ledgerBalance(deps, member.id)).toBe(2)
    await expectRefusal(book(deps, member.id, coach, weekdayAt(deps.clock.now(), 3, 10), { idempotencyKey }), 'CONFLICT', 'coaching.requestReused')
  })

  test('50 members racing for one slot: exactly one booking, 49 clear refusals, 49 credits untouched', async () => {
    const deps = setUp()
    const coach = await insertCoach(deps)
    const admin = await insertUser(deps, 'admin')
    const members = []
    for (let i = 0; i < 50; i += 1) members.push(await memberWithCredits(deps, 1, admin))
    const startsAt = weekdayAt(deps.clock.now(), 2, 11)
    const results = await Promise.allSettled(members.map((member) => book(deps, member.id, coach, startsAt)))
    const booked = results.filter((result) => result.status === 'fulfilled')
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as { code?: string; message: string }] : []))
    expect(booked).toHaveLength(1)
    expect(refused).toHaveLength(49)
    expect(refused.every((error) => error.message === 'coaching.slotTaken')).toBe(true)
    expect(await deps.db.select().from(coachingBookings)).toHaveLength(1)
    let balances = 0
    for (const member of members) balances += await ledgerBalance(deps, member.id)
    expect(balances).toBe(49)
  })

  test('the database itself refuses overlapping sessions of one coach and of one member', async () => {
    const deps = setUp()
    const coachA = await insertCoach(deps)
    const coachB = await insertCoach(deps)
    const member = await memberWithCredits(deps, 3)
    const other = await memberWithCredits(deps, 3)
    const startsAt = weekdayAt(deps.clock.now(), 2, 10)
    const first = await book(deps, member.id, coachA, startsAt)
    // Through the service: the member's own session hides the slot with the other coach.
    await expectRefusal(book(deps, member.id, coachB, startsAt), 'CONFLICT', 'coaching.slotTaken')
    // Around the service: the exclusion constraints refuse a raw overlapping insert.
    const raw = (memberId: string, coachId: string, typeId: string, offsetMinutes: number) =>
      deps.db.insert(coachingBookings).values({
        coachId,
        memberId,
        sessionTypeId: typeId,
        startsAt: new Date(startsAt.getTime() + offsetMinutes * 60_000),
        endsAt: new Date(startsAt.getTime() + (offsetMinutes + 60) * 60_000),
        credits: 1,
        idempotencyKey: crypto.randomUUID(),
        createdAt: deps.clock.now(),
        updatedAt: deps.clock.now(),
      })
    expect(String((await rejectionOf(raw(other.id, coachA.coach.id, coachA.type.id, 30))).cause)).toContain('coaching_bookings_coach_no_overlap')
    expect(String((await rejectionOf(raw(member.id, coachB.coach.id, coachB.type.id, 30))).cause)).toContain('coaching_bookings_member_no_overlap')
    // Back to back is fine, and a cancelled booking frees its time.
    await raw(other.id, coachA.coach.id, coachA.type.id, 60)
    await cancelBooking(deps, { actor: { userId: member.id, role: 'member' }, bookingId: first.id, acceptForfeit: false })
    await raw(other.id, coachA.coach.id, coachA.type.id, 0)
  })

  test('the balance can never go below zero, whatever the code does', async () => {
    const deps = setUp()
    const coach = await insertCoach(deps)
    const member = await memberWithCredits(deps, 1)
    await book(deps, member.id, coach, weekdayAt(deps.clock.now(), 2, 10))
    await expectRefusal(book(deps, member.id, coach, weekdayAt(deps.clock.now(), 2, 12)), 'CONFLICT', 'coaching.notEnoughCredits')
    expect(await deps.db.select().from(coachingBookings)).toHaveLength(1)
    const error = await rejectionOf(deps.db.insert(coachingCredits).values({ userId: member.id, delta: -1, reason: 'booking', createdAt: deps.clock.now() }))
    expect(String(error.cause)).toContain('coaching_credit_balances_nonnegative')
    expect(await ledgerBalance(deps, member.id)).toBe(0)
  })

  test('spends the oldest credit first; expired ones leave the balance once; an extended one stays', async () => {
    const deps = setUp()
    const coach = await insertCoach(deps, { horizonDays: 365 })
    const admin = await insertUser(deps, 'admin')
    const member = await memberWithCredits(deps, 1, admin)
    deps.clock.advance(30 * DAY)
    const { grantCredits } = await import('@jouwbot/api/coaching')
    await grantCredits(deps, { adminId: admin.id, userId: member.id, credits: 2, note: 'later' })
    const units = await deps.db.select().from(coachingCreditUnits).where(eq(coachingCreditUnits.userId, member.id)).orderBy(coachingCreditUnits.grantedAt)
    const booking = await book(deps, member.id, coach, weekdayAt(deps.clock.now(), 2, 10))
    expect((await deps.db.select().from(coachingCreditUnits).where(eq(coachingCreditUnits.bookingId, booking.id)))[0]!.id).toBe(units[0]!.id)

    await extendCreditExpiry(deps, { adminId: admin.id, unitId: units[1]!.id, expiresAt: new Date(units[1]!.expiresAt.getTime() + 90 * DAY) })
    deps.clock.set(new Date(units[2]!.expiresAt.getTime() + HOUR))
    expect(await expireCredits(deps)).toEqual({ expired: 1 })
    expect(await expireCredits(deps)).toEqual({ expired: 0 })
    expect(await ledgerBalance(deps, member.id)).toBe(1)
    expect(await ledgerSum(deps.db, member.id)).toBe(1)
    expect(await spendableUnits(deps.db, member.id)).toBe(1)
  })

  test('a credit bought within 14 days needs no express request when it came from an admin grant', async () => {
    const deps = setUp()
    const coach = await insertCoach(deps)
    const member = await memberWithCredits(deps, 1)
    const booking = await book(deps, member.id, coach, weekdayAt(deps.clock.now(), 2, 10))
    expect(booking.expressStartRequestedAt).toBeNull()
  })
})

describe('slots, notice and limits', () => {
  test('nothing inside the 24 h notice; a full day is shown full; the booking being moved frees its own day', async () => {
    const deps = setUp()
    const coach = await insertCoach(deps, { maxSessionsPerDay: 1 })
    const member = await memberWithCredits(deps, 2)
    const input = { memberId: member.id, coachId: coach.coach.id, sessionTypeId: coach.type.id }
    const before = await listSlots(deps, input)
    expect(before.days.find((day) => day.date === '2026-06-01')!.status).toBe('unavailable')
    expect(before.days.find((day) => day.date === '2026-06-02')!.slots[0]).toBe('2026-06-02T07:00:00.000Z')
    const booking = await book(deps, member.id, coach, new Date('2026-06-03T08:00:00Z'))
    const after = await listSlots(deps, input)
    expect(after.days.find((day) => day.date === '2026-06-03')).toMatchObject({ status: 'full', slots: [] })
    const moving = await listSlots(deps, { ...input, rescheduleBookingId: booking.id })
    expect(moving.days.find((day) => day.date === '2026-06-03')!.slots).toContain('2026-06-03T12:00:00.000Z')
    // Moving within its own full day works: it never counts against itself.
    const moved = await rescheduleBooking(deps, { actor: { userId: member.id, role: 'member' }, bookingId: booking.id, startsAt: new Date('2026-06-03T12:00:00Z') })
    expect(moved).toMatchObject({ sequence: 1, rescheduleCount: 1 })
    await expectRefusal(book(deps, member.id, coach, new Date('2026-06-01T12:00:00Z')), 'CONFLICT', 'coaching.slotTaken')
  })

  test('at most N upcoming sessions per member', async () => {
    const deps = setUp()
    const coach = await insertCoach(deps, { maxUpcomingPerMember: 1 })
    const member = await memberWithCredits(deps, 2)
    await book(deps, member.id, coach, weekdayAt(deps.clock.now(), 2, 10))
    await expectRefusal(book(deps, member.id, coach, weekdayAt(deps.clock.now(), 3, 10)), 'CONFLICT', 'coaching.tooManyUpcoming')
  })
})

describe('reschedule and cancel', () => {
  test('a member moves a session at most twice, until 24 h before; the calendar file keeps its UID and raises SEQUENCE', async () => {
    const deps = setUp()
    const coach = await insertCoach(deps)
    const member = await memberWithCredits(deps, 1)
    const actor = { userId: member.id, role: 'member' as const }
    const booking = await book(deps, member.id, coach, new Date('2026-06-03T08:00:00Z'))
    await rescheduleBooking(deps, { actor, bookingId: booking.id, startsAt: new Date('2026-06-03T09:00:00Z') })
    await rescheduleBooking(deps, { actor, bookingId: booking.id, startsAt: new Date('2026-06-04T09:00:00Z') })
    await expectRefusal(rescheduleBooking(deps, { actor, bookingId: booking.id, startsAt: new Date('2026-06-04T10:00:00Z') }), 'CONFLICT', 'coaching.rescheduleLimit')
    // The coach may still move it; nobody else may see it.
    const other = await insertUser(deps)
    await expectRefusal(rescheduleBooking(deps, { actor: { userId: other.id, role: 'member' }, bookingId: booking.id, startsAt: new Date('2026-06-04T10:00:00Z') }), 'NOT_FOUND', 'coaching.bookingNotFound')
    const moved = await rescheduleBooking(deps, { actor: { userId: coach.coach.id, role: 'coach' }, bookingId: booking.id, startsAt: new Date('2026-06-04T10:00:00Z') })
    expect(moved).toMatchObject({ sequence: 3, rescheduleCount: 2 })
    const mails = await coachingMails(deps.db, member.email)
    const files = mails.map((mail) => parseIcs(mail.attachments![0]!.content))
    expect(files.map((file) => file.sequence)).toEqual([0, 1, 2, 3])
    expect(new Set(files.map((file) => file.uid)).size).toBe(1)
    expect(files.at(-1)!.start).toEqual(new Date('2026-06-04T10:00:00Z'))
    expect(await ledgerBalance(deps, member.id)).toBe(0)

    // Inside the 24 h before the start the member can no longer move it.
    const another = await memberWithCredits(deps, 1)
    const soon = await book(deps, another.id, coach, new Date('2026-06-05T08:00:00Z'))
    deps.clock.set(new Date('2026-06-04T09:00:00Z'))
    await expectRefusal(
      rescheduleBooking(deps, { actor: { userId: another.id, role: 'member' }, bookingId: soon.id, startsAt: new Date('2026-06-05T12:00:00Z') }),
      'CONFLICT',
      'coaching.tooLateToChange',
    )
  })

  test('cancelling: early gives the credit back; late needs consent and forfeits it; the coach late gives it back with an apology', async () => {
    const deps = setUp()
    const coach = await insertCoach(deps)
    const member = await memberWithCredits(deps, 3)
    const actor = { userId: member.id, role: 'member' as const }
    const early = await book(deps, member.id, coach, new Date('2026-06-05T08:00:00Z'))
    const canceled = await cancelBooking(deps, { actor, bookingId: early.id, acceptForfeit: false })
    expect(canceled).toMatchObject({ status: 'canceled', creditReturned: true, sequence: 1, cancelReason: 'member' })
    expect(await ledgerBalance(deps, member.id)).toBe(3)
    const cancelMail = (await coachingMails(deps.db, member.email)).at(-1)!
    expect(parseIcs(cancelMail.attachments![0]!.content)).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 1 })
    expect(cancelMail.text).toContain('Je sessietegoed staat weer op je account.')

    const late = await book(deps, member.id, coach, new Date('2026-06-03T08:00:00Z'))
    const coachLate = await book(deps, member.id, coach, new Date('2026-06-03T10:00:00Z'))
    deps.clock.set(new Date('2026-06-02T12:00:00Z'))
    await expectRefusal(cancelBooking(deps, { actor, bookingId: late.id, acceptForfeit: false }), 'CONFLICT', 'coaching.lateCancelNeedsConsent')
    expect(await cancelBooking(deps, { actor, bookingId: late.id, acceptForfeit: true })).toMatchObject({ creditReturned: false, cancelReason: 'member_late' })
    expect(await ledgerBalance(deps, member.id)).toBe(1)
    const byCoach = await cancelBooking(deps, { actor: { userId: coach.coach.id, role: 'coach' }, bookingId: coachLate.id, acceptForfeit: false })
    expect(byCoach).toMatchObject({ creditReturned: true, cancelReason: 'coach' })
    expect(await ledgerBalance(deps, member.id)).toBe(2)
    expect((await coachingMails(deps.db, member.email)).at(-1)!.text).toContain('Het spijt ons')
    // A repeat changes nothing.
    await cancelBooking(deps, { actor: { userId: coach.coach.id, role: 'coach' }, bookingId: coachLate.id, acceptForfeit: false })
    expect(await ledgerBalance(deps, member.id)).toBe(2)
    expect(await ledgerSum(deps.db, member.id)).toBe(2)
  })
})

describe('reminders', () => {
  test('24 h and 1 h before, once each, to member and coach; never for a cancelled booking; a moved one gets its own', async () => {
    const deps = setUp()
    const coach = await insertCoach(deps)
    const member = await memberWithCredits(deps, 3)
    const kept = await book(deps, member.id, coach, new Date('2026-06-04T08:00:00Z'))
    const dropped = await book(deps, member.id, coach, new Date('2026-06-04T10:00:00Z'))
    const moved = await book(deps, member.id, coach, new Date('2026-06-04T12:00:00Z'))
    await cancelBooking(deps, { actor: { userId: member.id, role: 'member' }, bookingId: dropped.id, acceptForfeit: false })
    const reminders = async () => (await deps.db.select().from(mailOutbox).where(sql`${mailOutbox.dedupeKey} like ${'coaching:%:reminder:%'}`)).map((mail) => mail.dedupeKey!)

    deps.clock.set(new Date('2026-06-03T08:30:00Z'))
    await sendReminders(deps)
    await sendReminders(deps)
    expect((await reminders()).sort()).toEqual([`coaching:${kept.id}:reminder:0:coach:24h`, `coaching:${kept.id}:reminder:0:member:24h`])

    await rescheduleBooking(deps, { actor: { userId: coach.coach.id, role: 'coach' }, bookingId: moved.id, startsAt: new Date('2026-06-05T12:00:00Z') })
    deps.clock.set(new Date('2026-06-04T07:10:00Z'))
    await sendReminders(deps)
    deps.clock.set(new Date('2026-06-04T12:05:00Z'))
    await sendReminders(deps)
    deps.clock.set(new Date('2026-06-04T12:30:00Z'))
    await sendReminders(deps)
    const keys = await reminders()
    expect(keys.filter((key) => key.includes(kept.id))).toHaveLength(4)
    expect(keys.some((key) => key.includes(dropped.id))).toBe(false)
    expect(keys.filter((key) => key.includes(moved.id)).sort()).toEqual([`coaching:${moved.id}:reminder:1:coach:24h`, `coaching:${moved.id}:reminder:1:member:24h`])
  })
})

describe('coach profile', () => {
  test('the location is never in the public list', async () => {
    const deps = setUp()
    await insertCoach(deps)
    const { listCoaches } = await import('../../packages/api/src/coaching/list-coaches.ts')
    const coaches = await listCoaches(deps)
    expect(coaches).toHaveLength(1)
    expect(JSON.stringify(coaches)).not.toContain('meet.example')
    await deps.db.update(coachProfiles).set({ active: false })
    expect(await listCoaches(deps)).toEqual([])
  })
})
