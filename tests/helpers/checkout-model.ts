import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { reconcilePayments, refundOrder, startCheckout, startPaymentAttempt } from '@jouwbot/api/checkout'
import type { UserRow } from '@jouwbot/auth'
import { coupons, eq, orders, users } from '@jouwbot/db'
import { truncateUsed } from '@jouwbot/db/testing'
import { PaymentProviderError } from '@jouwbot/payments'
import { EmulatorStateError, NEXT_PAYMENT_STATUS, NEXT_REFUND_STATUS, type EmulatorPayment } from '@jouwbot/payments/emulator'
import { adminRefundInput, AppError, checkoutStartInput } from '@jouwbot/shared'
import { insertBuyers, seedShopFixture, startInput } from './shop.ts'
import type { TestServer } from './test-server.ts'

/*
 * The checkout's world as fast-check drives it: a few orders, then steps that Mollie, the bank, the
 * buyer, an admin and our jobs take in any order. Indices are taken modulo what exists when the step
 * runs, so every generated (and every shrunk) sequence can be played.
 */

export const COUPON_CODE = 'PROP'
const PRODUCTS = ['premium-cursus', 'premium-cursus-coaching', 'coachingsessie'] as const

const index = fc.nat({ max: 7 })
/** A share of what is left, in percent (100: all of it). */
const share = fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 99 }))
const webhook = fc.constantFrom('deliver', 'deliver', 'none') as fc.Arbitrary<'deliver' | 'none'>

export type Step =
  | { kind: 'paymentStatus'; order: number; attempt: number; to: number; preferPaid: boolean }
  | { kind: 'holdWebhooks' }
  | { kind: 'releaseWebhooks'; reverse: boolean }
  | { kind: 'deliverWebhook'; order: number; attempt: number; times: number; concurrent: boolean }
  | { kind: 'retryPayment'; order: number }
  | { kind: 'reconcile'; minutes: number }
  | { kind: 'adminRefund'; order: number; share: number; coachingOnly: boolean }
  | { kind: 'dashboardRefund'; order: number; share: number }
  | { kind: 'refundStatus'; order: number; refund: number; to: 'next' | 'refunded' | 'failed' | 'canceled'; webhook: 'deliver' | 'none' }
  | { kind: 'queueRefunds'; on: boolean }
  | { kind: 'chargeback'; order: number; share: number; webhook: 'deliver' | 'none' }
  | { kind: 'reverseChargeback'; order: number; chargeback: number; webhook: 'deliver' | 'none' }

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('paymentStatus'), order: index, attempt: index, to: index, preferPaid: fc.constantFrom(true, true, true, false) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('holdWebhooks') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('releaseWebhooks'), reverse: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deliverWebhook'), order: index, attempt: index, times: fc.integer({ min: 1, max: 3 }), concurrent: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retryPayment'), order: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reconcile'), minutes: fc.constantFrom(3, 61, 25 * 60) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('adminRefund'), order: index, share, coachingOnly: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('dashboardRefund'), order: index, share }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('refundStatus'), order: index, refund: index, to: fc.constantFrom('next', 'refunded', 'failed', 'canceled'), webhook }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('queueRefunds'), on: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('chargeback'), order: index, share, webhook }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('reverseChargeback'), order: index, chargeback: index, webhook }) },
) as fc.Arbitrary<Step>

export interface Scenario {
  orders: Array<{ product: (typeof PRODUCTS)[number]; coupon: boolean }>
  steps: Step[]
}

export const scenario: fc.Arbitrary<Scenario> = fc.record({
  orders: fc.array(fc.record({ product: fc.constantFrom(...PRODUCTS), coupon: fc.boolean() }), { minLength: 1, maxLength: 4 }),
  steps: fc.array(step, { minLength: 3, maxLength: 40 }),
})

export interface World {
  orderIds: string[]
  admin: UserRow
}

const at = <T>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length])
const part = (left: number, percent: number) => Math.max(1, Math.floor((left * percent) / 100))

/** Refusals the domain answers: an order not paid, an amount too high (ours or Mollie's), a move Mollie would not allow. */
async function refused(work: Promise<unknown>): Promise<void> {
  try {
    await work
  } catch (error) {
    if (error instanceof AppError || error instanceof EmulatorStateError || error instanceof PaymentProviderError) return
    throw error
  }
}

/** Empties the database and the emulator, then stores the shop, a coupon, an admin and one buyer per order. */
export async function setUpWorld(server: TestServer, start: Date, orderSpecs: Scenario['orders']): Promise<World> {
  const { deps } = server
  const emulator = server.payments!.emulator
  await emulator.webhooksIdle()
  emulator.reset()
  await truncateUsed(server.handle)
  deps.courses.invalidate()
  deps.clock.set(start)
  await seedShopFixture(deps)
  await deps.db.insert(coupons).values({ code: COUPON_CODE, kind: 'percent', percentOff: 20, createdAt: deps.clock.now() })
  const [admin, ...buyers] = await insertBuyers(deps, orderSpecs.length + 1)
  await deps.db.update(users).set({ role: 'admin' }).where(eq(users.id, admin!.id))
  const orderIds: string[] = []
  for (const [i, spec] of orderSpecs.entries()) {
    const input = checkoutStartInput.parse(startInput(spec.product, spec.coupon ? { couponCode: COUPON_CODE } : {}))
    orderIds.push((await startCheckout(deps, buyers[i]!, input)).orderId)
  }
  return { orderIds, admin: admin! }
}

export const attemptsOf = (payments: readonly EmulatorPayment[], orderId: string) =>
  payments.filter((p) => (p.metadata as { orderId?: string } | null)?.orderId === orderId)

async function paidPaymentOf(server: TestServer, orderId: string): Promise<EmulatorPayment | undefined> {
  const [order] = await server.deps.db.select({ paidPaymentId: orders.paidPaymentId }).from(orders).where(eq(orders.id, orderId))
  return order?.paidPaymentId ? server.payments!.emulator.getPayment(order.paidPaymentId) : undefined
}

export async function playStep(server: TestServer, world: World, s: Step): Promise<void> {
  const { deps } = server
  const emulator = server.payments!.emulator
  const orderId = at(world.orderIds, 'order' in s ? s.order : 0)!
  switch (s.kind) {
    case 'paymentStatus': {
      const payment = at(attemptsOf(emulator.listPayments(), orderId), s.attempt)
      const options = payment ? NEXT_PAYMENT_STATUS[payment.status] : []
      if (!payment || options.length === 0) return
      await emulator.setPaymentStatus(payment.id, s.preferPaid && options.includes('paid') ? 'paid' : at(options, s.to)!)
      return
    }
    case 'holdWebhooks':
      emulator.holdWebhooks()
      return
    case 'releaseWebhooks':
      await emulator.releaseWebhooks({ order: s.reverse ? 'reverse' : 'fifo' })
      return
    case 'deliverWebhook': {
      const payment = at(attemptsOf(emulator.listPayments(), orderId), s.attempt)
      if (payment) await emulator.deliverWebhook(payment.id, { times: s.times, concurrent: s.concurrent })
      return
    }
    case 'retryPayment':
      // The buyer tries again (possible once the last attempt ended, or after 10 minutes).
      deps.clock.advance(11 * 60_000)
      await refused(startPaymentAttempt(deps, orderId))
      return
    case 'reconcile':
      deps.clock.advance(s.minutes * 60_000)
      await reconcilePayments(deps)
      return
    case 'adminRefund': {
      const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId))
      const left = order!.totalCents - order!.refundedCents - order!.chargedBackCents
      const amountCents = s.share === 100 && !s.coachingOnly ? undefined : part(left, Math.min(s.share, 99))
      const input = adminRefundInput.parse({ orderId, refundId: randomUUID(), reason: 'Eigenschapstest', coachingOnly: s.coachingOnly, ...(amountCents ? { amountCents } : {}) })
      await refused(refundOrder(deps, world.admin, input))
      return
    }
    case 'dashboardRefund': {
      // Made in Mollie's dashboard: metadata we never wrote.
      const payment = await paidPaymentOf(server, orderId)
      if (!payment || !payment.amountRemainingCents) return
      await refused(
        deps.payments.createRefund({
          paymentId: payment.id,
          amountCents: part(payment.amountRemainingCents, s.share),
          currency: 'EUR',
          description: 'Terugbetaling via dashboard',
          metadata: { orderId, refundRequestId: randomUUID() },
          idempotencyKey: randomUUID(),
        }),
      )
      return
    }
    case 'refundStatus': {
      const refund = at(
        attemptsOf(emulator.listPayments(), orderId).flatMap((p) => p.refunds),
        s.refund,
      )
      if (!refund || NEXT_REFUND_STATUS[refund.status].length === 0) return
      if (s.to === 'refunded' || s.to === 'failed') await refused(emulator.settleRefund(refund.id, s.to, { webhook: s.webhook }))
      else if (s.to === 'canceled') await refused(emulator.setRefundStatus(refund.id, 'canceled', { webhook: s.webhook }))
      else await emulator.setRefundStatus(refund.id, NEXT_REFUND_STATUS[refund.status][0]!, { webhook: s.webhook })
      return
    }
    case 'queueRefunds':
      emulator.queueRefunds(s.on)
      return
    case 'chargeback': {
      const payment = await paidPaymentOf(server, orderId)
      if (!payment || !payment.amountRemainingCents) return
      await emulator.addChargeback(payment.id, part(payment.amountRemainingCents, s.share), { webhook: s.webhook })
      return
    }
    case 'reverseChargeback': {
      const payment = await paidPaymentOf(server, orderId)
      const chargeback = at(payment?.chargebacks.filter((c) => !c.reversedAt) ?? [], s.chargeback)
      if (chargeback) await emulator.reverseChargeback(chargeback.id, { webhook: s.webhook })
      return
    }
  }
}

/**
 * After the sequence: held webhooks arrive, the jobs run a day later (refunds on their way, chargebacks
 * that stand), and Mollie's last word on every paid payment reaches us once more.
 */
export async function settle(server: TestServer): Promise<void> {
  const { deps } = server
  const emulator = server.payments!.emulator
  await emulator.releaseWebhooks()
  deps.clock.advance(25 * 60 * 60_000)
  await reconcilePayments(deps)
  await emulator.webhooksIdle()
  // Refunds and chargebacks without a webhook happen only to paid payments; the rest has been heard.
  for (const payment of emulator.listPayments()) {
    if (payment.status === 'paid') await emulator.deliverWebhook(payment.id)
  }
  await emulator.webhooksIdle()
}
