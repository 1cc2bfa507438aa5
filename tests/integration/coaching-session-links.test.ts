import { describe, expect, test } from 'vitest'
import { bookSession, listSlots } from '@jouwbot/api/coaching'
import { coachingBookings, eq } from '@jouwbot/db'
import { TestClient } from '../helpers/client.ts'
import { coachingMails, insertCoach, ledgerBalance, memberWithCredits, weekdayAt } from '../helpers/coaching.ts'
import { makeDeps } from '../helpers/deps.ts'
import { expectRefusal, rejectionOf } from '../helpers/flows.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

async function setUp() {
  const deps = makeDeps(db())
  deps.clock.set(new Date('2026-06-01T06:00:00Z')) // Monday 08:00 in Amsterdam
  const coach = await insertCoach(deps)
  const member = await memberWithCredits(deps, 2)
  const booking = await bookSession(deps, {
    memberId: member.id,
    coachId: coach.coach.id,
    sessionTypeId: coach.type.id,
    startsAt: weekdayAt(deps.clock.now(), 3, 10),
    topic: 'Les 3',
    lessonId: null,
    expressStartRequested: false,
    idempotencyKey: crypto.randomUUID(),
  })
  // Nobody is logged in: the link is the only key.
  const api = await new TestClient(deps).api()
  return { deps, coach, member, booking, api }
}

/** The signed link in the newest coaching mail to this address. */
async function linkToken(deps: ReturnType<typeof makeDeps>, email: string): Promise<string> {
  const mails = await coachingMails(deps.db, email)
  const match = /\/coaching\/link\/([^\s"<)]+)/.exec(mails.at(-1)!.text)
  if (!match) throw new Error('no signed link in the mail')
  return match[1]!
}

describe('signed links in the booking mails', () => {
  test('the confirmation link opens the session without logging in and moves it once; the old link is refused, the new mail carries a new one', async () => {
    const { deps, member, booking, api } = await setUp()
    const token = await linkToken(deps, member.email)
    const session = await api.coaching.linkSession({ token })
    expect(session).toMatchObject({ id: booking.id, title: 'Vastgelopen in een les', location: 'https://meet.example/robin', topic: 'Les 3', timeZone: 'Europe/Amsterdam' })
    const slots = await api.coaching.linkSlots({ token })
    const target = slots.days.flatMap((day) => day.slots).find((slot) => new Date(slot).getTime() !== booking.startsAt.getTime())!
    expect(await api.coaching.linkReschedule({ token, startsAt: target })).toMatchObject({ startsAt: new Date(target) })
    const [moved] = await deps.db.select().from(coachingBookings).where(eq(coachingBookings.id, booking.id))
    expect(moved).toMatchObject({ rescheduleCount: 1, sequence: 1 })

    // Reused: refused, whatever it asks.
    const other = slots.days.flatMap((day) => day.slots).find((slot) => slot !== target && new Date(slot).getTime() !== booking.startsAt.getTime())!
    await expectRefusal(api.coaching.linkReschedule({ token, startsAt: other }), 'NOT_FOUND', 'coaching.linkInvalid')
    await expectRefusal(api.coaching.linkCancel({ token, acceptForfeit: false }), 'NOT_FOUND', 'coaching.linkInvalid')
    await expectRefusal(api.coaching.linkSession({ token }), 'NOT_FOUND', 'coaching.linkInvalid')

    const fresh = await linkToken(deps, member.email)
    expect(fresh).not.toBe(token)
    expect(await api.coaching.linkCancel({ token: fresh, acceptForfeit: false })).toEqual({ creditReturned: true })
    expect(await ledgerBalance(deps, member.id)).toBe(2)
  })

  test('two uses of one link at once move the session once', async () => {
    const { deps, member, booking, api } = await setUp()
    const token = await linkToken(deps, member.email)
    const slots = (await listSlots(deps, { memberId: member.id, coachId: booking.coachId, sessionTypeId: booking.sessionTypeId, rescheduleBookingId: booking.id })).days.flatMap((day) => day.slots)
    const [a, b] = slots.filter((slot) => new Date(slot).getTime() !== booking.startsAt.getTime())
    const results = await Promise.allSettled([api.coaching.linkReschedule({ token, startsAt: a! }), api.coaching.linkReschedule({ token, startsAt: b! })])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    const [moved] = await deps.db.select().from(coachingBookings).where(eq(coachingBookings.id, booking.id))
    expect(moved!.rescheduleCount).toBe(1)
  })

  test('a tampered link, a link for another booking and a link after the start are refused', async () => {
    const { deps, member, booking, api } = await setUp()
    const token = await linkToken(deps, member.email)
    const [id, sequence, signature] = token.split('.') as [string, string, string]
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`
    await expectRefusal(api.coaching.linkSession({ token: `${id}.${sequence}.${flipped}` }), 'NOT_FOUND', 'coaching.linkInvalid')
    await expectRefusal(api.coaching.linkSession({ token: `${id}.${Number(sequence) + 1}.${signature}` }), 'NOT_FOUND', 'coaching.linkInvalid')
    await expectRefusal(api.coaching.linkSession({ token: `${crypto.randomUUID()}.${sequence}.${signature}` }), 'NOT_FOUND', 'coaching.linkInvalid')
    expect((await rejectionOf(api.coaching.linkSession({ token: 'not-a-token' }))).code).toBe('BAD_REQUEST')

    deps.clock.set(new Date(booking.startsAt.getTime() + 60_000))
    await expectRefusal(api.coaching.linkSession({ token }), 'NOT_FOUND', 'coaching.linkInvalid')
    await expectRefusal(api.coaching.linkCancel({ token, acceptForfeit: true }), 'NOT_FOUND', 'coaching.linkInvalid')
    const [unchanged] = await deps.db.select().from(coachingBookings).where(eq(coachingBookings.id, booking.id))
    expect(unchanged).toMatchObject({ status: 'booked', sequence: 0 })
  })

  test('inside the cancellation window the link cancels only with the forfeit accepted', async () => {
    const { deps, member, booking, api } = await setUp()
    const token = await linkToken(deps, member.email)
    deps.clock.set(new Date(booking.startsAt.getTime() - 2 * 3_600_000))
    await expectRefusal(api.coaching.linkCancel({ token, acceptForfeit: false }), 'CONFLICT', 'coaching.lateCancelNeedsConsent')
    expect(await api.coaching.linkCancel({ token, acceptForfeit: true })).toEqual({ creditReturned: false })
  })
})
