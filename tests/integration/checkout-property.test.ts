import { afterAll, beforeAll, expect, test } from 'vitest'
import { reconcilePayments } from '@jouwbot/api/checkout'
import { startPaymentAttempt } from '@jouwbot/api/checkout'
import { startCheckout } from '@jouwbot/api/checkout'
import { and, couponRedemptions, coupons, entitlements, eq, invoices, isNotNull, orderLines, orders, refunds } from '@jouwbot/db'
import { truncateAll } from '@jouwbot/db/testing'
import { NEXT_PAYMENT_STATUS } from '@jouwbot/payments/emulator'
import { checkoutStartInput } from '@jouwbot/shared'
import { insertBuyers, seedShopFixture, startInput } from '../helpers/shop.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { budget } from '../helpers/budget.ts'
import { propertySeeds } from '../helpers/property.ts'

let server: TestServer | undefined
// startTestServer leaves nothing behind when it fails half-way; once it succeeded, this closes it even
// when a test failed. The budgets scale with TEST_BUDGET_FACTOR (tests/helpers/budget.ts).
afterAll(async () => {
  await server?.close()
}, budget(60_000))
beforeAll(async () => {
  server = await startTestServer({ webDist: null, payments: true })
}, budget(60_000))

/** A small seeded PRNG (mulberry32): a failing seed can be replayed exactly. */
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

/** Mollie's status rules, as the emulator enforces them. */
const NEXT = NEXT_PAYMENT_STATUS

test.each(propertySeeds(6))('random webhook deliveries and status changes (seed %i): every paid order has one grant, one invoice and one redemption', async (seed) => {
  const next = random(seed)
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
  const emulator = server!.payments!.emulator
  await emulator.webhooksIdle()
  emulator.reset()
  await truncateAll(server!.handle)
  server!.deps.courses.invalidate()
  await seedShopFixture(server!.deps)
  await server!.deps.db.insert(coupons).values({ code: 'PROP', kind: 'percent', percentOff: 20, createdAt: server!.deps.clock.now() })

  const buyers = await insertBuyers(server!.deps, 6)
  const orderIds: string[] = []
  for (const buyer of buyers) {
    const input = checkoutStartInput.parse(startInput(pick(['premium-cursus', 'premium-cursus-coaching', 'coachingsessie']), next() < 0.5 ? { couponCode: 'PROP' } : {}))
    orderIds.push((await startCheckout(server!.deps, buyer, input)).orderId)
  }

  emulator.holdWebhooks()
  for (let step = 0; step < 60; step++) {
    const orderId = pick(orderIds)
    const attempts = emulator.listPayments().filter((p) => (p.metadata as { orderId: string }).orderId === orderId)
    // Mostly the newest attempt; sometimes an older one still open after a retry (a double payment).
    const payment = next() < 0.8 ? attempts[0]! : pick(attempts)
    const roll = next()
    if (roll < 0.45 && NEXT[payment.status].length > 0) {
      // Half the moves pay (when paying is possible), so most sequences end with paid and unpaid orders.
      const options = NEXT[payment.status]
      await emulator.setPaymentStatus(payment.id, options.includes('paid') && next() < 0.5 ? 'paid' : pick(options))
    } else if (roll < 0.6) {
      await emulator.releaseWebhooks({ order: pick(['fifo', 'reverse'] as const) })
      emulator.holdWebhooks()
    } else if (roll < 0.75) {
      await emulator.deliverWebhook(pick(attempts).id, { times: 1 + Math.floor(next() * 3), concurrent: next() < 0.5 })
    } else if (roll < 0.85) {
      // The buyer tries again (possible once the last attempt ended, or after 10 minutes).
      server!.deps.clock.advance(11 * 60_000)
      await startPaymentAttempt(server!.deps, orderId).catch(() => undefined)
    } else {
      server!.deps.clock.advance(3 * 60_000)
      await reconcilePayments(server!.deps)
    }
  }
  await emulator.releaseWebhooks()
  server!.deps.clock.advance(3 * 60_000)
  await reconcilePayments(server!.deps)
  await emulator.webhooksIdle()

  const db = server!.deps.db
  const paidAtMollie = new Set(emulator.listPayments().filter((p) => p.status === 'paid').map((p) => (p.metadata as { orderId: string }).orderId))
  expect(paidAtMollie.size, 'the sequence paid at least one order').toBeGreaterThan(0)
  for (const orderId of orderIds) {
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId))
    expect(order!.status === 'paid', `order ${orderId} paid in our books iff paid at Mollie`).toBe(paidAtMollie.has(orderId))
    const grants = await db.select().from(entitlements).where(and(eq(entitlements.source, 'order'), eq(entitlements.sourceRef, orderId)))
    const orderInvoices = await db.select().from(invoices).where(and(eq(invoices.orderId, orderId), eq(invoices.kind, 'invoice')))
    const courseLines = (await db.select().from(orderLines).where(and(eq(orderLines.orderId, orderId), isNotNull(orderLines.courseId)))).length
    if (order!.status === 'paid') {
      expect(orderInvoices).toHaveLength(1)
      expect(grants).toHaveLength(courseLines)
      // Every other payment Mollie took for this order goes back whole, once; none is counted on the order.
      const duplicates = emulator.listPayments().filter((p) => (p.metadata as { orderId: string }).orderId === orderId && p.status === 'paid' && p.id !== order!.paidPaymentId)
      const duplicateRefunds = await db.select().from(refunds).where(and(eq(refunds.orderId, orderId), eq(refunds.kind, 'duplicate_payment')))
      expect(duplicateRefunds.map((r) => r.paymentId).sort()).toEqual(duplicates.map((p) => p.id).sort())
      for (const duplicate of duplicates) expect(duplicate.refunds.map((r) => r.amountCents)).toEqual([order!.totalCents])
      expect(order!.refundedCents).toBe(0)
    } else {
      expect(orderInvoices).toHaveLength(0)
      expect(grants).toHaveLength(0)
    }
  }
  const [coupon] = await db.select().from(coupons).where(eq(coupons.code, 'PROP'))
  const paidWithCoupon = await db.select().from(orders).where(and(eq(orders.status, 'paid'), eq(orders.couponId, coupon!.id)))
  expect(coupon!.redemptionCount).toBe(paidWithCoupon.length)
  expect(await db.select().from(couponRedemptions)).toHaveLength(paidWithCoupon.length)
  const sequences = (await db.select({ sequence: invoices.sequence }).from(invoices)).map((r) => r.sequence).sort((a, b) => a - b)
  expect(sequences).toEqual(sequences.map((_, i) => i + 1))
}, budget(90_000))
