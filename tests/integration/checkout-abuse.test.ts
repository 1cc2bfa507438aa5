import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { coupons, eq, orders } from '@jouwbot/db'
import { truncateAll } from '@jouwbot/db/testing'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { expectRefusal, expectThrottled } from '../helpers/flows.ts'
import { postWebhook, seedShopFixture, startBuying, startInput } from '../helpers/shop.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/** Issue 14 §1, checkout: what an attacker with a member account (or none) must not be able to do. */

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
  await seedShopFixture(server.deps)
})
afterEach(() => {
  vi.restoreAllMocks()
})

const emulator = () => server.payments!.emulator
const randomPaymentId = () => `tr_${randomBytes(8).toString('hex')}`
/** Counts the Mollie API look-ups the app makes (the real gateway, watched, not replaced). */
const watchLookups = () => vi.spyOn(server.deps.payments, 'getPayment')

describe('webhooks for ids we never created', () => {
  test('cost no call to Mollie while none of our create calls is under way', async () => {
    const buyer = await createMember(server.deps)
    const { orderId, paymentId } = await startBuying(buyer.client)
    const lookups = watchLookups()
    for (let round = 0; round < 5; round++) {
      const statuses = await Promise.all(Array.from({ length: 10 }, () => postWebhook(server, `id=${randomPaymentId()}`).then((r) => r.status)))
      expect(statuses).toEqual(Array(10).fill(200))
    }
    expect(lookups).not.toHaveBeenCalled()
    // Our own payment is still looked up and applied.
    await emulator().setPaymentStatus(paymentId, 'paid')
    expect(lookups).toHaveBeenCalledWith(paymentId)
    expect((await server.deps.db.select().from(orders).where(eq(orders.id, orderId)))[0]!.status).toBe('paid')
  })

  test('are looked up while a create call is under way (the webhook may beat its answer), but throttled for the whole shop', async () => {
    const buyer = await createMember(server.deps)
    const statuses: number[] = []
    let lookupsDuringCreate = 0
    const lookups = watchLookups()
    const unsubscribe = emulator().onPaymentCreated(async (payment) => {
      // Mollie's own webhook for the payment still unknown to us: looked up and applied.
      await emulator().setPaymentStatus(payment.id, 'paid')
      for (let i = 0; i < 40; i++) statuses.push((await postWebhook(server, `id=${randomPaymentId()}`)).status)
      lookupsDuringCreate = lookups.mock.calls.length
    })
    try {
      const { orderId } = await startBuying(buyer.client)
      expect((await server.deps.db.select().from(orders).where(eq(orders.id, orderId)))[0]!.status).toBe('paid')
    } finally {
      unsubscribe()
    }
    // 20 look-ups a minute for ids we do not know: the real one and 19 random ones; the rest wait (503: Mollie retries).
    expect(lookupsDuringCreate).toBe(20)
    expect(statuses.filter((status) => status === 200)).toHaveLength(19)
    expect(statuses.filter((status) => status === 503)).toHaveLength(21)
    // The create call's answer is stored: unknown ids cost nothing again.
    lookups.mockClear()
    expect((await postWebhook(server, `id=${randomPaymentId()}`)).status).toBe(200)
    expect(lookups).not.toHaveBeenCalled()
  })
})

describe('checkout.start', () => {
  test('is limited per member: the eleventh payment in ten minutes is refused, others can still buy', async () => {
    const greedy = await createMember(server.deps)
    const api = await greedy.client.api()
    for (let i = 0; i < 10; i++) await api.checkout.start(startInput('coachingsessie'))
    await expectThrottled(api.checkout.start(startInput('coachingsessie')), 10 * 60)
    const { orderId } = await api.checkout.myOrders().then((rows) => ({ orderId: rows[0]!.id }))
    await expectThrottled(api.checkout.retry({ orderId }), 10 * 60)
    const other = await createMember(server.deps)
    await expect(startBuying(other.client, 'coachingsessie')).resolves.toMatchObject({ orderId: expect.any(String) })
    server.deps.clock.advance(10 * 60_000 + 1_000)
    await expect(api.checkout.start(startInput('coachingsessie'))).resolves.toMatchObject({ orderId: expect.any(String) })
  })
})

describe('a limited coupon', () => {
  test('one member holds at most two of its reservations; others can still use it', async () => {
    await server.deps.db.insert(coupons).values({ code: 'VIJF', kind: 'amount', amountOffCents: 500, maxRedemptions: 5, createdAt: server.deps.clock.now() })
    const hoarder = await createMember(server.deps)
    const api = await hoarder.client.api()
    const first = await api.checkout.start(startInput('coachingsessie', { couponCode: 'VIJF' }))
    await api.checkout.start(startInput('coachingsessie', { couponCode: 'VIJF' }))
    await expectRefusal(api.checkout.start(startInput('coachingsessie', { couponCode: 'VIJF' })), 'BAD_REQUEST', 'checkout.couponHeldByYou')
    // A retry of one of the member's own orders keeps its reservation.
    await emulator().setPaymentStatus(first.checkoutUrl.split('/').at(-1)!, 'expired')
    server.deps.clock.advance(11 * 60_000)
    await expect(api.checkout.retry({ orderId: first.orderId })).resolves.toMatchObject({ orderId: first.orderId })
    for (let i = 0; i < 3; i++) {
      const other = await createMember(server.deps)
      await expect(startBuying(other.client, 'coachingsessie', { couponCode: 'VIJF' })).resolves.toMatchObject({ orderId: expect.any(String) })
    }
    // Two held by the hoarder + three by others: now it is exhausted for everyone.
    const late = await createMember(server.deps)
    await expectRefusal(startBuying(late.client, 'coachingsessie', { couponCode: 'VIJF' }), 'BAD_REQUEST', 'checkout.couponExhausted')
  })
})

describe('the admin order search (issue 14 §2; more in admin-order-search.test.ts)', () => {
  test('finds orders by part of the e-mail address or the start of the order number, and nothing else', async () => {
    const buyer = await createMember(server.deps, { email: 'zoek.mij-hier@example.nl' })
    const other = await createMember(server.deps)
    const { orderId } = await startBuying(buyer.client, 'coachingsessie')
    const { orderId: otherId } = await startBuying(other.client, 'coachingsessie')
    const admin = await createMember(server.deps)
    await makeStaff(server.deps, admin)
    const api = await admin.client.api()
    const found = async (search: string) => (await api.admin.checkout.orders({ limit: 10, search })).orders.map((order) => order.id)
    expect(await found('MIJ-HIER')).toEqual([orderId])
    expect(await found(otherId.slice(0, 8).toUpperCase())).toEqual([otherId])
    // No search inside ids: the middle of one is not an order number.
    expect(await found(orderId.slice(9, 18))).toEqual([])
    expect(await found('niet%gevonden')).toEqual([])
  })
})
