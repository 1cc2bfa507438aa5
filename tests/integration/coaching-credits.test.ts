import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { bookSession } from '@jouwbot/api/coaching'
import { coachingBookings, coachingCreditUnits, eq, sql } from '@jouwbot/db'
import { truncateAll } from '@jouwbot/db/testing'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { coachingMails, insertCoach, ledgerBalance, ledgerSum, spendableUnits, weekdayAt } from '../helpers/coaching.ts'
import { expectRefusal } from '../helpers/flows.ts'
import { seedShopFixture, startBuying, userRow } from '../helpers/shop.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ webDist: null, payments: true })
})
afterAll(async () => {
  await server.close()
})
beforeEach(async () => {
  await server.payments!.emulator.webhooksIdle()
  server.payments!.emulator.reset()
  await truncateAll(server.handle)
  server.deps.courses.invalidate()
  await seedShopFixture(server.deps)
})

describe('credits bought with an order', () => {
  test('the 14-day rule, oldest-first spending, and a refund that takes back only that order’s credits', async () => {
    const deps = server.deps
    const emulator = server.payments!.emulator
    const buyer = await createMember(deps)
    const first = await startBuying(buyer.client, 'premium-cursus-coaching')
    await emulator.setPaymentStatus(first.paymentId, 'paid')
    await emulator.webhooksIdle() // the first order's credits are granted before the clock moves on
    deps.clock.advance(60_000)
    const second = await startBuying(buyer.client, 'coachingsessie')
    await emulator.setPaymentStatus(second.paymentId, 'paid')
    const member = await userRow(deps, buyer.email)
    expect(await ledgerBalance(deps, member.id)).toBe(4)
    const units = await deps.db.select().from(coachingCreditUnits).where(eq(coachingCreditUnits.userId, member.id))
    expect(units.filter((unit) => unit.orderId === first.orderId)).toHaveLength(3)
    const firstUnit = units.find((unit) => unit.orderId === first.orderId)!
    expect(firstUnit.expiresAt.getTime() - firstUnit.grantedAt.getTime()).toBeGreaterThanOrEqual(365 * 24 * 3_600_000)

    const coach = await insertCoach(deps)
    const request = { memberId: member.id, coachId: coach.coach.id, sessionTypeId: coach.type.id, topic: '', lessonId: null, idempotencyKey: crypto.randomUUID() }
    const startsAt = weekdayAt(deps.clock.now(), 3, 10)
    await expectRefusal(bookSession(deps, { ...request, startsAt, expressStartRequested: false }), 'BAD_REQUEST', 'coaching.expressStartRequired')
    expect(await ledgerBalance(deps, member.id)).toBe(4)
    const booking = await bookSession(deps, { ...request, startsAt, expressStartRequested: true })
    expect(booking.expressStartRequestedAt).not.toBeNull()
    const [spent] = await deps.db.select().from(coachingCreditUnits).where(eq(coachingCreditUnits.bookingId, booking.id))
    expect(spent!.orderId).toBe(first.orderId)
    expect((await coachingMails(deps.db, buyer.email))[0]!.text).toContain('uitdrukkelijk gevraagd')

    // The admin refunds the first order: its 2 unspent credits and the booked session's credit go; the session is cancelled.
    const admin = await createMember(deps)
    await makeStaff(deps, admin)
    await (await admin.client.api()).admin.checkout.refund({ orderId: first.orderId, reason: 'Klant ontevreden', refundId: crypto.randomUUID() })
    const [canceled] = await deps.db.select().from(coachingBookings).where(eq(coachingBookings.id, booking.id))
    expect(canceled).toMatchObject({ status: 'canceled', cancelReason: 'credit_taken_back' })
    expect(await ledgerBalance(deps, member.id)).toBe(1)
    expect(await ledgerSum(deps.db, member.id)).toBe(1)
    expect(await spendableUnits(deps.db, member.id)).toBe(1)
    const [left] = await deps.db.select().from(coachingCreditUnits).where(sql`${coachingCreditUnits.userId} = ${member.id} and ${coachingCreditUnits.takenBackAt} is null`)
    expect(left!.orderId).toBe(second.orderId)
    expect((await coachingMails(deps.db, buyer.email)).at(-1)!.subject).toContain('Geannuleerd')
    expect((await coachingMails(deps.db, coach.coach.email)).at(-1)!.subject).toContain('Geannuleerd')
  })
})
