import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { newEffects, reconcilePayments, recordChargeback, recordExternalRefund, startCheckout } from '@jouwbot/api/checkout'
import {
  and,
  chargebackReversals,
  coachingCredits,
  couponRedemptions,
  coupons,
  entitlements,
  eq,
  invoicePdfs,
  invoices,
  mailOutbox as outbox,
  orders,
  refunds,
  sql,
} from '@jouwbot/db'
import { truncateAll } from '@jouwbot/db/testing'
import { checkoutStartInput } from '@jouwbot/shared'
import { PDFDocument } from 'pdf-lib'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { TEST_SELLER } from '../helpers/deps.ts'
import { expectRefusal } from '../helpers/flows.ts'
import {
  consumerBilling,
  insertBuyers,
  paymentRows,
  postWebhook,
  seedShopFixture,
  startBuying,
  startInput,
  userRow,
} from '../helpers/shop.ts'
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

const emulator = () => server.payments!.emulator
/** Invoices are numbered per calendar year in Europe/Amsterdam (on 31 December from 23:00 UTC, the next one). */
const amsterdamYear = (at: Date) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(at))
const db = () => server.deps.db

async function orderRow(orderId: string) {
  const [row] = await db().select().from(orders).where(eq(orders.id, orderId))
  return row!
}
async function grantsFor(orderId: string) {
  return db().select().from(entitlements).where(and(eq(entitlements.source, 'order'), eq(entitlements.sourceRef, orderId)))
}
async function invoicesFor(orderId: string, kind: 'invoice' | 'credit_note' = 'invoice') {
  return db().select().from(invoices).where(and(eq(invoices.orderId, orderId), eq(invoices.kind, kind)))
}
const shopAlerts = () => db().select().from(outbox).where(and(eq(outbox.to, TEST_SELLER.email!), eq(outbox.template, 'shopAttention')))
async function outlineUnlocked(client: TestClient) {
  const outline = await (await client.api()).course.outline({ courseSlug: 'premium-cursus' })
  return outline.hasAccess
}

describe('paying for the Premium Cursus', () => {
  test('the order is stored before the payment, paid only by the webhook, and delivers access, invoice and mail once', async () => {
    const buyer = await createMember(server.deps)
    const started = await startBuying(buyer.client)
    const before = await orderRow(started.orderId)
    expect(before).toMatchObject({ status: 'open', totalCents: 29_700, totalExclCents: 24_545, totalVatCents: 5_155, mode: 'test' })
    expect((await paymentRows(server, started.orderId)).map((p) => p.id)).toEqual([started.paymentId])
    expect(started.checkoutUrl).toBe(`${server.url}/_mollie/checkout/${started.paymentId}`)
    // What Mollie was asked for: our amount, our redirect with the order id, our webhook, our metadata.
    const atMollie = emulator().getPayment(started.paymentId)!
    expect(atMollie).toMatchObject({ description: expect.stringContaining('bestelling'), locale: 'nl_NL', metadata: { orderId: started.orderId } })
    expect(atMollie.redirectUrl).toBe(`${server.url}/bestelling/${started.orderId}`)
    expect(atMollie.webhookUrl).toBe(`${server.url}/webhooks/mollie`)
    expect(await grantsFor(started.orderId)).toHaveLength(0)

    await emulator().setPaymentStatus(started.paymentId, 'paid')

    const after = await orderRow(started.orderId)
    expect(after.status).toBe('paid')
    expect(after.paidPaymentId).toBe(started.paymentId)
    expect(await grantsFor(started.orderId)).toHaveLength(1)
    expect(await outlineUnlocked(buyer.client)).toBe(true)
    const [invoice] = await invoicesFor(started.orderId)
    // Numbered per calendar year in Amsterdam, of the moment it was paid (the app's clock).
    const year = amsterdamYear(server.deps.clock.now())
    expect(invoice).toMatchObject({ number: `${year}-000001`, totalCents: 29_700, totalVatCents: 5_155, retainUntil: `${year + 7}-12-31` })
    const mails = await db().select().from(outbox).where(eq(outbox.to, buyer.email))
    expect(mails.filter((m) => m.template === 'orderPaid')).toHaveLength(1)
    const [pdf] = await db().select().from(invoicePdfs).where(eq(invoicePdfs.invoiceId, invoice!.id))
    expect((await PDFDocument.load(pdf!.pdf)).getPageCount()).toBe(1)
  })

  test('a course starts at once only with the buyer waiving the right of withdrawal; a coaching session needs no waiver', async () => {
    const buyer = await createMember(server.deps)
    const api = await buyer.client.api()
    const { waiveWithdrawal: _waived, ...withoutWaiver } = startInput()
    await expectRefusal(api.checkout.start(withoutWaiver), 'BAD_REQUEST', 'validation.waiveWithdrawal')
    await expectRefusal(api.checkout.start({ ...withoutWaiver, waiveWithdrawal: false }), 'BAD_REQUEST', 'validation.waiveWithdrawal')
    expect(await db().select().from(orders)).toHaveLength(0)

    const course = await startBuying(buyer.client)
    expect((await orderRow(course.orderId)).withdrawalWaivedAt).toEqual(server.deps.clock.now())
    await emulator().setPaymentStatus(course.paymentId, 'paid')
    const { waiveWithdrawal: _none, ...sessionInput } = startInput('coachingsessie')
    const session = await api.checkout.start(sessionInput)
    expect((await orderRow(session.orderId)).withdrawalWaivedAt).toBeNull()
    await emulator().setPaymentStatus(session.checkoutUrl.split('/').at(-1)!, 'paid')

    // The confirmation on a durable medium (art. 6:230v lid 7 BW) says so for the course only.
    const paidMails = await db().select().from(outbox).where(and(eq(outbox.to, buyer.email), eq(outbox.template, 'orderPaid')))
    const waiverMentioned = (subject: string) => paidMails.find((m) => m.subject.includes(subject))!.text.includes('herroepingsrecht')
    expect([waiverMentioned('Premium Cursus'), waiverMentioned('coachingsessie')]).toEqual([true, false])
  })

  test('a price or discount sent by the client is refused, never used', async () => {
    const buyer = await createMember(server.deps)
    const api = await buyer.client.api()
    await expect(api.checkout.start({ ...startInput(), priceCents: 1 } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('priceCents') })
    await expect(api.checkout.start({ ...startInput(), acceptTerms: false } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('validation.acceptTerms') })
    expect(await db().select().from(orders)).toHaveLength(0)
  })

  test('the same requestId twice gives one order and one payment', async () => {
    const buyer = await createMember(server.deps)
    const input = startInput()
    const api = await buyer.client.api()
    const [a, b] = await Promise.all([api.checkout.start(input), api.checkout.start(input)])
    expect(a.orderId).toBe(b.orderId)
    expect(a.checkoutUrl).toBe(b.checkoutUrl)
    expect(await paymentRows(server, a.orderId)).toHaveLength(1)
  })

  test.each(['failed', 'canceled', 'expired'] as const)('a %s payment grants nothing, and paying again works', async (status) => {
    const buyer = await createMember(server.deps)
    const first = await startBuying(buyer.client)
    await emulator().setPaymentStatus(first.paymentId, status)
    expect((await orderRow(first.orderId)).status).toBe(status)
    expect(await grantsFor(first.orderId)).toHaveLength(0)
    expect(await invoicesFor(first.orderId)).toHaveLength(0)

    const retry = await (await buyer.client.api()).checkout.retry({ orderId: first.orderId })
    const secondId = retry.checkoutUrl.split('/').at(-1)!
    expect(secondId).not.toBe(first.paymentId)
    expect((await orderRow(first.orderId)).status).toBe('open')
    await emulator().setPaymentStatus(secondId, 'paid')
    expect((await orderRow(first.orderId)).status).toBe('paid')
    expect(await grantsFor(first.orderId)).toHaveLength(1)
  })

  test('the return page asks Mollie itself when no webhook came; the reconciliation job does too', async () => {
    const buyer = await createMember(server.deps)
    const viaPage = await startBuying(buyer.client)
    await emulator().setPaymentStatus(viaPage.paymentId, 'paid', { webhook: 'none' })
    expect((await orderRow(viaPage.orderId)).status).toBe('open')
    const seen = await (await buyer.client.api()).checkout.order({ orderId: viaPage.orderId })
    expect(seen.status).toBe('paid')
    expect(seen.invoices).toHaveLength(1)

    const other = await createMember(server.deps)
    const viaJob = await startBuying(other.client)
    await emulator().setPaymentStatus(viaJob.paymentId, 'paid', { webhook: 'none' })
    expect((await reconcilePayments(server.deps)).checked).toBe(0) // too fresh: Mollie may still call
    server.deps.clock.advance(3 * 60_000)
    expect((await reconcilePayments(server.deps)).checked).toBe(1)
    expect((await orderRow(viaJob.orderId)).status).toBe('paid')
    expect(await grantsFor(viaJob.orderId)).toHaveLength(1)
  })

  test('the plain pay form answers 303 to the Mollie checkout; without a session or from another site it is refused', async () => {
    const buyer = await createMember(server.deps)
    const first = await startBuying(buyer.client)
    await emulator().setPaymentStatus(first.paymentId, 'canceled')
    const pay = (headers: Record<string, string>) =>
      fetch(`${server.url}/checkout/orders/${first.orderId}/pay`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: '' })
    const answer = await pay({ origin: server.url, cookie: `jb_session=${buyer.client.token}` })
    expect(answer.status).toBe(303)
    const location = answer.headers.get('location')!
    expect(location).toMatch(new RegExp(`^${server.url}/_mollie/checkout/tr_`))
    expect(location).not.toContain(first.paymentId)
    expect((await pay({ origin: 'https://evil.example', cookie: `jb_session=${buyer.client.token}` })).status).toBe(403)
    expect((await pay({ origin: server.url })).status).toBe(401)
    // Once paid, paying again leads back to the order page, which explains.
    await emulator().setPaymentStatus(location.split('/').at(-1)!, 'paid')
    const again = await pay({ origin: server.url, cookie: `jb_session=${buyer.client.token}` })
    expect(again.headers.get('location')).toBe(`/bestelling/${first.orderId}?fout=checkout.alreadyPaid`)
  })

  test('someone else cannot see or pay your order', async () => {
    const buyer = await createMember(server.deps)
    const stranger = await createMember(server.deps)
    const { orderId } = await startBuying(buyer.client)
    await expectRefusal((await stranger.client.api()).checkout.order({ orderId }), 'NOT_FOUND', 'checkout.orderNotFound')
    await expectRefusal((await stranger.client.api()).checkout.retry({ orderId }), 'NOT_FOUND', 'checkout.orderNotFound')
    await expectRefusal((await new TestClient(server.deps).api()).checkout.order({ orderId }), 'UNAUTHORIZED', 'error.unauthorized')
  })
})

describe('the webhook', () => {
  test('arriving twice, one after the other or at once, delivers once', async () => {
    const buyer = await createMember(server.deps)
    const { orderId, paymentId } = await startBuying(buyer.client)
    await emulator().setPaymentStatus(paymentId, 'paid', { webhook: 'none' })
    expect(await emulator().deliverWebhook(paymentId, { times: 2 })).toEqual([200, 200])
    expect(await emulator().deliverWebhook(paymentId, { times: 2, concurrent: true })).toEqual([200, 200])
    expect(await grantsFor(orderId)).toHaveLength(1)
    expect(await invoicesFor(orderId)).toHaveLength(1)
    expect(await db().select().from(outbox).where(eq(outbox.template, 'orderPaid'))).toHaveLength(1)
  })

  test('before the create call returned, the payment is stored from the webhook and the order paid once', async () => {
    const buyer = await createMember(server.deps)
    const unsubscribe = emulator().onPaymentCreated(async (payment) => {
      await emulator().setPaymentStatus(payment.id, 'paid')
    })
    try {
      const { orderId, paymentId } = await startBuying(buyer.client)
      expect((await paymentRows(server, orderId)).map((p) => [p.id, p.status])).toEqual([[paymentId, 'paid']])
      expect((await orderRow(orderId)).status).toBe('paid')
      expect(await grantsFor(orderId)).toHaveLength(1)
    } finally {
      unsubscribe()
    }
  })

  test('a late "expired" of an older attempt never downgrades a paid order', async () => {
    const buyer = await createMember(server.deps)
    const first = await startBuying(buyer.client)
    emulator().holdWebhooks()
    await emulator().setPaymentStatus(first.paymentId, 'expired')
    // The buyer comes back later and pays with a new attempt, whose webhook arrives first.
    server.deps.clock.advance(11 * 60_000)
    const retry = await (await buyer.client.api()).checkout.retry({ orderId: first.orderId })
    const secondId = retry.checkoutUrl.split('/').at(-1)!
    await emulator().setPaymentStatus(secondId, 'paid')
    await emulator().releaseWebhooks({ order: 'reverse' })
    const order = await orderRow(first.orderId)
    expect(order).toMatchObject({ status: 'paid', paidPaymentId: secondId })
    expect((await paymentRows(server, first.orderId)).find((p) => p.id === first.paymentId)?.status).toBe('expired')
    expect(await grantsFor(first.orderId)).toHaveLength(1)
  })

  describe('paying twice', () => {
    /** The buyer leaves the first Mollie checkout open, retries later, and both payments go through. */
    async function payTwice() {
      const buyer = await createMember(server.deps)
      const first = await startBuying(buyer.client)
      server.deps.clock.advance(11 * 60_000)
      const retry = await (await buyer.client.api()).checkout.retry({ orderId: first.orderId })
      const secondId = retry.checkoutUrl.split('/').at(-1)!
      expect(secondId).not.toBe(first.paymentId)
      await emulator().setPaymentStatus(secondId, 'paid')
      return { ...first, buyer, secondId }
    }
    const refundRows = (orderId: string) => db().select().from(refunds).where(eq(refunds.orderId, orderId))

    test('the second payment is refunded whole, once: no credit note, access and invoice stay', async () => {
      const { orderId, paymentId, secondId, buyer } = await payTwice()
      await emulator().setPaymentStatus(paymentId, 'paid')
      expect(await emulator().deliverWebhook(paymentId, { times: 2, concurrent: true })).toEqual([200, 200])

      const order = await orderRow(orderId)
      expect(order).toMatchObject({ status: 'paid', paidPaymentId: secondId, refundedCents: 0 })
      const [refund, ...more] = await refundRows(orderId)
      expect(more).toHaveLength(0)
      expect(refund).toMatchObject({ kind: 'duplicate_payment', paymentId, amountCents: 29_700, requestedBy: null })
      expect(refund!.mollieRefundId).toMatch(/^re_/)
      expect(emulator().getPayment(paymentId)!.refunds.map((r) => r.amountCents)).toEqual([29_700])
      expect(emulator().getPayment(secondId)!.refunds).toHaveLength(0)

      expect(await invoicesFor(orderId)).toHaveLength(1)
      expect(await invoicesFor(orderId, 'credit_note')).toHaveLength(0)
      expect(await outlineUnlocked(buyer.client)).toBe(true)
      const mails = await db().select().from(outbox).where(eq(outbox.template, 'duplicatePaymentRefunded'))
      expect(mails.map((m) => m.to)).toEqual([buyer.email])

      // Mollie settles the refund: only its status moves.
      await emulator().settleRefund(refund!.mollieRefundId!, 'refunded')
      expect((await refundRows(orderId))[0]!.status).toBe('refunded')
      expect((await orderRow(orderId)).refundedCents).toBe(0)
    })

    test('a chargeback on the second payment is left to the shop, which is told once', async () => {
      const { orderId, paymentId } = await payTwice()
      // Our refund of it cannot get through yet, so the bank's chargeback comes first.
      emulator().failNextRequests(3, 503, { only: { method: 'POST', path: /\/refunds$/ } })
      await emulator().setPaymentStatus(paymentId, 'paid')
      await emulator().addChargeback(paymentId, 29_700)
      await emulator().deliverWebhook(paymentId, { times: 2 })
      expect((await shopAlerts()).map((m) => m.subject)).toEqual([expect.stringMatching(/^Actie nodig: terugboeking van een dubbele betaling/)])
      expect((await orderRow(orderId)).chargedBackCents).toBe(0)
    })

    test('when Mollie refuses the refund, nothing is counted and the shop is told', async () => {
      const { orderId, paymentId } = await payTwice()
      emulator().failNextRequests(1, 422, { only: { method: 'POST', path: /\/refunds$/ } })
      await emulator().setPaymentStatus(paymentId, 'paid')
      expect((await refundRows(orderId)).map((r) => [r.kind, r.status])).toEqual([['duplicate_payment', 'failed']])
      expect(emulator().getPayment(paymentId)!.refunds).toHaveLength(0)
      expect((await orderRow(orderId)).refundedCents).toBe(0)
      expect((await shopAlerts()).map((m) => m.subject)).toEqual([expect.stringMatching(/^Actie nodig: terugbetaling geweigerd/)])
    })

    test('when Mollie is down the refund waits as requested, and the reconciliation job makes it once', async () => {
      const { orderId, paymentId } = await payTwice()
      // Creating refunds fails (the client's own retries included); the webhook itself gets through.
      emulator().failNextRequests(3, 503, { only: { method: 'POST', path: /\/refunds$/ } })
      await emulator().setPaymentStatus(paymentId, 'paid')
      const waiting = await refundRows(orderId)
      expect(waiting.map((r) => [r.kind, r.status, r.mollieRefundId])).toEqual([['duplicate_payment', 'requested', null]])

      server.deps.clock.advance(5 * 60_000)
      await reconcilePayments(server.deps)
      await reconcilePayments(server.deps)
      expect(emulator().getPayment(paymentId)!.refunds).toHaveLength(1)
      const [done] = await refundRows(orderId)
      expect(done!.mollieRefundId).toMatch(/^re_/)
      expect((await orderRow(orderId)).refundedCents).toBe(0)
    })
  })

  test('out of order: "paid" first, then the older "authorized" — the payment stays paid', async () => {
    const buyer = await createMember(server.deps)
    const { orderId, paymentId } = await startBuying(buyer.client)
    // Mollie calls no webhook for `pending` (the emulator used to): `authorized` is the older news that has one.
    emulator().holdWebhooks()
    await emulator().setPaymentStatus(paymentId, 'authorized')
    await emulator().setPaymentStatus(paymentId, 'paid')
    expect(await emulator().releaseWebhooks({ order: 'reverse' })).toEqual([200, 200])
    expect((await orderRow(orderId)).status).toBe('paid')
    expect((await paymentRows(server, orderId))[0]!.status).toBe('paid')
  })

  test('a spoofed or unknown id gets 200 and changes nothing', async () => {
    const buyer = await createMember(server.deps)
    const { orderId } = await startBuying(buyer.client)
    for (const body of ['id=tr_doesNotExist1', 'id=../../etc', '', 'id=tr_' + 'x'.repeat(5000)]) {
      const response = await postWebhook(server, body)
      expect([200, 413]).toContain(response.status)
    }
    expect((await orderRow(orderId)).status).toBe('open')
  })

  test('a payment whose amount does not match the order grants nothing', async () => {
    const buyer = await createMember(server.deps)
    const { orderId, paymentId } = await startBuying(buyer.client)
    // The order's total changed after the payment was made (a bug, or tampering): Mollie's figure rules.
    await db().update(orders).set({ totalCents: 100, totalExclCents: 83, totalVatCents: 17 }).where(eq(orders.id, orderId))
    await emulator().deliverWebhook(paymentId)
    // Still open: no money was taken, nobody needs to act yet.
    expect((await paymentRows(server, orderId))[0]!.mismatch).toBe(true)
    expect(await shopAlerts()).toHaveLength(0)
    await emulator().setPaymentStatus(paymentId, 'paid')
    expect((await orderRow(orderId)).status).toBe('open')
    expect((await paymentRows(server, orderId))[0]!.mismatch).toBe(true)
    await emulator().deliverWebhook(paymentId, { times: 2 })
    // The shop hears of it once: the money is at Mollie and nothing was delivered.
    expect((await shopAlerts()).map((m) => m.subject)).toEqual([expect.stringMatching(/^Actie nodig: betaling klopt niet/)])
    expect(await grantsFor(orderId)).toHaveLength(0)
    expect(await invoicesFor(orderId)).toHaveLength(0)
  })

  test('our own failure answers 500, so Mollie retries and the next attempt succeeds', async () => {
    const buyer = await createMember(server.deps)
    const { orderId, paymentId } = await startBuying(buyer.client)
    // The client retries 5xx itself (3 attempts); fail all three so the webhook fails once.
    emulator().failNextRequests(3, 503)
    await emulator().setPaymentStatus(paymentId, 'paid')
    await emulator().webhooksIdle()
    const attempts = emulator().webhookDeliveries.filter((d) => d.id === paymentId)
    expect(attempts.map((d) => d.statusCode)).toEqual([500, 200])
    expect((await orderRow(orderId)).status).toBe('paid')
  })
})

describe('coupons', () => {
  test('the discount is computed on the server and counted once, when paid', async () => {
    const buyer = await createMember(server.deps)
    const preview = await (await buyer.client.api()).checkout.previewCoupon({ productSlug: 'premium-cursus', couponCode: 'welkom10', locale: 'nl' })
    expect(preview).toEqual({ code: 'WELKOM10', discountCents: 2_970, totalCents: 26_730 })
    const { orderId, paymentId } = await startBuying(buyer.client, 'premium-cursus', { couponCode: 'welkom10' })
    expect((await orderRow(orderId)).totalCents).toBe(26_730)
    expect(emulator().getPayment(paymentId)!.amountCents).toBe(26_730)
    const count = async () => (await db().select().from(coupons).where(eq(coupons.code, 'WELKOM10')))[0]!.redemptionCount
    expect(await count()).toBe(0)
    await emulator().setPaymentStatus(paymentId, 'paid')
    await emulator().deliverWebhook(paymentId, { times: 3, concurrent: true })
    expect(await count()).toBe(1)
    expect(await db().select().from(couponRedemptions)).toHaveLength(1)
  })

  test('validity window, product and unknown codes are refused with their own reason', async () => {
    const admin = await createMember(server.deps)
    const now = server.deps.clock.now()
    await db().insert(coupons).values([
      { code: 'LATER', kind: 'amount', amountOffCents: 500, validFrom: new Date(now.getTime() + 86_400_000), createdAt: now },
      { code: 'OVER', kind: 'amount', amountOffCents: 500, validUntil: new Date(now.getTime() - 1000), createdAt: now },
      { code: 'ALLEENCOACH', kind: 'percent', percentOff: 50, productIds: sql`array[(select id from products where slug = 'coachingsessie')]::uuid[]`, createdAt: now },
    ])
    const api = await admin.client.api()
    const preview = (couponCode: string) => api.checkout.previewCoupon({ productSlug: 'premium-cursus', couponCode, locale: 'nl' })
    await expectRefusal(preview('LATER'), 'BAD_REQUEST', 'checkout.couponExpired')
    await expectRefusal(preview('OVER'), 'BAD_REQUEST', 'checkout.couponExpired')
    await expectRefusal(preview('ALLEENCOACH'), 'BAD_REQUEST', 'checkout.couponNotForProduct')
    await expectRefusal(preview('BESTAATNIET'), 'BAD_REQUEST', 'checkout.couponInvalid')
  })

  test('a coupon for 3 is never spent 4 times, even by buyers checking out at once', async () => {
    const now = server.deps.clock.now()
    await db().insert(coupons).values({ code: 'DRIE', kind: 'amount', amountOffCents: 1_000, maxRedemptions: 3, createdAt: now })
    const buyers = await insertBuyers(server.deps, 8)
    const results = await Promise.allSettled(buyers.map((buyer) => startCheckout(server.deps, buyer, checkoutStartInput.parse(startInput('premium-cursus', { couponCode: 'DRIE' })))))
    const started = results.filter((r) => r.status === 'fulfilled').map((r) => r.value)
    expect(started).toHaveLength(3)
    for (const rejected of results.filter((r) => r.status === 'rejected')) expect(String(rejected.reason)).toMatch(/couponExhausted/)
    await Promise.all(started.map((s) => emulator().setPaymentStatus(s.checkoutUrl.split('/').at(-1)!, 'paid')))
    const [coupon] = await db().select().from(coupons).where(eq(coupons.code, 'DRIE'))
    expect(coupon!.redemptionCount).toBe(3)
  })
})

describe('VAT and invoices', () => {
  test('a business in another EU country with a valid VAT number pays excl. VAT under reverse charge', async () => {
    const buyer = await createMember(server.deps)
    const billing = { ...consumerBilling, company: 'Bot GmbH', vatNumber: 'DE 136 695 976', country: 'DE' as const, city: 'Berlin' }
    const { orderId, paymentId } = await startBuying(buyer.client, 'premium-cursus', { billing })
    const order = await orderRow(orderId)
    expect(order).toMatchObject({ reverseCharge: true, totalCents: 24_545, totalVatCents: 0 })
    expect(order.vatNumberEncrypted).not.toContain('136695976')
    expect(order.vatCheck).toMatchObject({ status: 'valid', source: 'offline' })
    await emulator().setPaymentStatus(paymentId, 'paid')
    const [invoice] = await invoicesFor(orderId)
    expect(invoice).toMatchObject({ totalVatCents: 0, totalCents: 24_545 })
    expect((invoice!.document as { reverseCharge: boolean }).reverseCharge).toBe(true)
    expect(JSON.stringify(invoice!.document)).not.toContain('136695976')
  })

  test('a Dutch business pays Dutch VAT; a malformed VAT number is refused', async () => {
    const buyer = await createMember(server.deps)
    const dutch = await startBuying(buyer.client, 'premium-cursus', { billing: { ...consumerBilling, company: 'Bot BV', vatNumber: 'NL004495445B01' } })
    expect(await orderRow(dutch.orderId)).toMatchObject({ reverseCharge: false, totalCents: 29_700 })
    const api = await buyer.client.api()
    await expectRefusal(
      api.checkout.start(startInput('premium-cursus', { billing: { ...consumerBilling, company: 'X', vatNumber: 'DE123', country: 'DE' } })),
      'BAD_REQUEST',
      'checkout.vatNumberInvalid',
    )
  })

  test('50 orders paid at once get 50 unique, gap-free invoice numbers', async () => {
    const buyers = await insertBuyers(server.deps, 50)
    const started = []
    for (const buyer of buyers) started.push(await startCheckout(server.deps, buyer, checkoutStartInput.parse(startInput('coachingsessie'))))
    const ids = started.map((s) => s.checkoutUrl.split('/').at(-1)!)
    for (const id of ids) await emulator().setPaymentStatus(id, 'paid', { webhook: 'none' })
    const statuses = await Promise.all(ids.map((id) => emulator().deliverWebhook(id)))
    expect(statuses.flat().every((s) => s === 200)).toBe(true)
    const numbers = (await db().select({ sequence: invoices.sequence }).from(invoices)).map((r) => r.sequence).sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    const credits = await db().select().from(coachingCredits)
    expect(credits).toHaveLength(50)
  }, 120_000) // 50 checkouts and 100 webhooks with invoices and PDFs: on a busy 2-core machine this takes over 30 s

  test('the buyer downloads their own invoice PDF; others cannot', async () => {
    const buyer = await createMember(server.deps)
    const { orderId, paymentId } = await startBuying(buyer.client)
    await emulator().setPaymentStatus(paymentId, 'paid')
    const [invoice] = await invoicesFor(orderId)
    const url = `${server.url}/invoices/${invoice!.id}.pdf`
    const own = await fetch(url, { headers: { cookie: `jb_session=${buyer.client.token}` } })
    expect(own.status).toBe(200)
    expect(own.headers.get('content-disposition')).toContain(`factuur-${invoice!.number}.pdf`)
    expect(Buffer.from(await own.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
    const other = await createMember(server.deps)
    expect((await fetch(url, { headers: { cookie: `jb_session=${other.client.token}` } })).status).toBe(404)
    expect((await fetch(url)).status).toBe(401)
  })
})

describe('refunds and chargebacks', () => {
  async function paidOrder() {
    const buyer = await createMember(server.deps)
    const bought = await startBuying(buyer.client, 'premium-cursus-coaching')
    await emulator().setPaymentStatus(bought.paymentId, 'paid')
    const admin = await createMember(server.deps)
    await makeStaff(server.deps, admin)
    return { ...bought, buyer, admin }
  }
  const refund = async (client: TestClient, input: { orderId: string; amountCents?: number; refundId?: string; coachingOnly?: boolean }) =>
    (await client.api()).admin.checkout.refund({ reason: 'Klant ontevreden', refundId: crypto.randomUUID(), ...input })

  test('a partial refund issues a credit note and ends access; a second completes it; more is refused', async () => {
    const { orderId, buyer, admin } = await paidOrder()
    const userId = (await userRow(server.deps, buyer.email)).id
    expect(await outlineUnlocked(buyer.client)).toBe(true)
    const first = await refund(admin.client, { orderId, amountCents: 10_000 })
    expect(first).toMatchObject({ amountCents: 10_000, creditNoteNumber: `${amsterdamYear(server.deps.clock.now())}-000002` })
    const [note] = await invoicesFor(orderId, 'credit_note')
    expect(note).toMatchObject({ totalCents: -10_000, correctsInvoiceId: (await invoicesFor(orderId))[0]!.id })
    expect((await grantsFor(orderId))[0]!.revokedAt).not.toBeNull()
    expect(await outlineUnlocked(buyer.client)).toBe(false)
    const balance = await db().select().from(coachingCredits).where(eq(coachingCredits.userId, userId))
    expect(balance.reduce((sum, row) => sum + row.delta, 0)).toBe(0)
    expect(emulator().getPayment((await orderRow(orderId)).paidPaymentId!)!.amountRemainingCents).toBe(59_700)

    const rest = await refund(admin.client, { orderId })
    expect(rest.amountCents).toBe(59_700)
    await expectRefusal(refund(admin.client, { orderId, amountCents: 1 }), 'BAD_REQUEST', 'refund.tooMuch')
    expect(await invoicesFor(orderId, 'credit_note')).toHaveLength(2)
    expect((await orderRow(orderId)).refundedCents).toBe(69_700)
  })

  test('withdrawing from the coaching only keeps the course; the unused sessions lapse; a later refund ends the course too', async () => {
    const { orderId, buyer, admin } = await paidOrder()
    const userId = (await userRow(server.deps, buyer.email)).id
    const balance = async () => (await db().select().from(coachingCredits).where(eq(coachingCredits.userId, userId))).reduce((sum, row) => sum + row.delta, 0)
    expect(await balance()).toBe(3)

    const withdrawal = await refund(admin.client, { orderId, amountCents: 40_000, coachingOnly: true })
    expect(withdrawal.creditNoteNumber).not.toBeNull()
    expect(await outlineUnlocked(buyer.client)).toBe(true)
    expect((await grantsFor(orderId))[0]!.revokedAt).toBeNull()
    expect(await balance()).toBe(0)
    const [mail] = await db().select().from(outbox).where(and(eq(outbox.to, buyer.email), eq(outbox.template, 'orderRefunded')))
    expect(mail!.text).toContain('De 3 coachingsessies die je nog niet had gebruikt, zijn vervallen.')
    expect(mail!.text).not.toContain('cursus uit deze bestelling is beëindigd')

    await refund(admin.client, { orderId })
    expect(await outlineUnlocked(buyer.client)).toBe(false)
    expect(await balance()).toBe(0)
  })

  test('withdrawing from the coaching only needs an amount below what is left: "everything" would refund the course too', async () => {
    const { orderId, admin } = await paidOrder()
    await expect(refund(admin.client, { orderId, coachingOnly: true })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('refund.coachingAmount') })
    await expectRefusal(refund(admin.client, { orderId, coachingOnly: true, amountCents: 69_700 }), 'BAD_REQUEST', 'refund.coachingAmount')
    expect((await orderRow(orderId)).refundedCents).toBe(0)
    expect(emulator().getPayment((await orderRow(orderId)).paidPaymentId!)!.refunds).toHaveLength(0)
  })

  test('a refund Mollie refused stays refused: the same id again asks Mollie nothing', async () => {
    const { orderId, admin } = await paidOrder()
    const refundId = crypto.randomUUID()
    emulator().failNextRequests(2, 422, { only: { method: 'POST', path: /\/refunds$/ } })
    await expectRefusal(refund(admin.client, { orderId, amountCents: 5_000, refundId }), 'BAD_REQUEST', 'refund.rejected')
    await expectRefusal(refund(admin.client, { orderId, amountCents: 5_000, refundId }), 'BAD_REQUEST', 'refund.rejected')
    // The second failure is still waiting: Mollie was not asked again.
    emulator().failNextRequests(0)
    expect(emulator().getPayment((await orderRow(orderId)).paidPaymentId!)!.refunds).toHaveLength(0)
    expect((await orderRow(orderId)).refundedCents).toBe(0)
  })

  test('old news never brings a failed refund back; later webhooks still apply', async () => {
    const { orderId, paymentId, admin } = await paidOrder()
    await refund(admin.client, { orderId, amountCents: 10_000 })
    const [local] = await db().select().from(refunds).where(eq(refunds.orderId, orderId))
    const before = await server.deps.payments.listRefunds(paymentId)
    await emulator().settleRefund(local!.mollieRefundId!, 'failed')
    // A webhook that read the refunds before the failure commits after it.
    await server.deps.db.transaction(async (tx) => {
      const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update')
      await recordExternalRefund({ ...server.deps, db: tx }, { order: order!, paymentId, remote: before[0]!, effects: newEffects(), now: server.deps.clock.now() })
    })
    expect((await db().select().from(refunds).where(eq(refunds.id, local!.id)))[0]!.status).toBe('failed')
    expect(await emulator().deliverWebhook(paymentId)).toEqual([200])
    expect((await orderRow(orderId)).refundedCents).toBe(0)
    expect((await invoicesFor(orderId)).filter((invoice) => invoice.correctsInvoiceId !== null)).toHaveLength(1)
  })

  test('a refunded refund is final, as Mollie documents: a "failed" afterwards undoes nothing', async () => {
    const { orderId, paymentId, buyer, admin } = await paidOrder()
    await refund(admin.client, { orderId, amountCents: 10_000 })
    const [local] = await db().select().from(refunds).where(eq(refunds.orderId, orderId))
    await emulator().settleRefund(local!.mollieRefundId!, 'refunded')
    expect((await db().select().from(refunds).where(eq(refunds.id, local!.id)))[0]!.status).toBe('refunded')
    // Mollie never moves a refund on from refunded; news saying so (forged, or a bug) must not undo it.
    const [settled] = await server.deps.payments.listRefunds(paymentId)
    await server.deps.db.transaction(async (tx) => {
      const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update')
      await recordExternalRefund({ ...server.deps, db: tx }, { order: order!, paymentId, remote: { ...settled!, status: 'failed' }, effects: newEffects(), now: server.deps.clock.now() })
    })
    expect((await db().select().from(refunds).where(eq(refunds.id, local!.id)))[0]!.status).toBe('refunded')
    expect((await orderRow(orderId)).refundedCents).toBe(10_000)
    expect((await invoicesFor(orderId)).filter((invoice) => invoice.correctsInvoiceId !== null)).toHaveLength(0)
    expect(await db().select().from(outbox).where(and(eq(outbox.to, buyer.email), eq(outbox.template, 'refundFailed')))).toHaveLength(0)
    expect(await shopAlerts()).toHaveLength(0)
  })

  test('a refund queued for lack of balance goes through pending and processing to refunded, counted once', async () => {
    const { orderId, paymentId, buyer, admin } = await paidOrder()
    emulator().queueRefunds()
    const asked = await refund(admin.client, { orderId, amountCents: 10_000 })
    expect(asked.status).toBe('queued')
    const [local] = await db().select().from(refunds).where(eq(refunds.orderId, orderId))
    const status = async () => (await db().select().from(refunds).where(eq(refunds.id, local!.id)))[0]!.status
    expect(await status()).toBe('queued')
    await emulator().setRefundStatus(local!.mollieRefundId!, 'pending')
    await emulator().setRefundStatus(local!.mollieRefundId!, 'processing')
    expect(await status()).toBe('processing')
    await emulator().setRefundStatus(local!.mollieRefundId!, 'refunded')
    expect(await status()).toBe('refunded')
    expect(await emulator().deliverWebhook(paymentId)).toEqual([200])
    expect((await orderRow(orderId)).refundedCents).toBe(10_000)
    expect(await invoicesFor(orderId, 'credit_note')).toHaveLength(1)
    expect(await db().select().from(outbox).where(and(eq(outbox.to, buyer.email), eq(outbox.template, 'orderRefunded')))).toHaveLength(1)
  })

  test('a refund that fails without a webhook is found by the hourly look at refunds on their way', async () => {
    const { orderId, admin } = await paidOrder()
    await refund(admin.client, { orderId, amountCents: 10_000 })
    const [local] = await db().select().from(refunds).where(eq(refunds.orderId, orderId))
    await emulator().settleRefund(local!.mollieRefundId!, 'failed', { webhook: 'none' })
    await reconcilePayments(server.deps)
    expect((await db().select().from(refunds).where(eq(refunds.id, local!.id)))[0]!.status).not.toBe('failed')
    server.deps.clock.advance(61 * 60_000)
    await reconcilePayments(server.deps)
    expect((await db().select().from(refunds).where(eq(refunds.id, local!.id)))[0]!.status).toBe('failed')
    expect((await orderRow(orderId)).refundedCents).toBe(0)
  })

  test('withdrawing from the coaching only is refused for an order without both a course and coaching', async () => {
    const buyer = await createMember(server.deps)
    const { orderId, paymentId } = await startBuying(buyer.client)
    await emulator().setPaymentStatus(paymentId, 'paid')
    const admin = await createMember(server.deps)
    await makeStaff(server.deps, admin)
    await expectRefusal(refund(admin.client, { orderId, coachingOnly: true, amountCents: 10_000 }), 'BAD_REQUEST', 'refund.noCoaching')
    expect((await orderRow(orderId)).refundedCents).toBe(0)
    expect(await outlineUnlocked(buyer.client)).toBe(true)
  })

  test('a refund that fails after its credit note counts no more: an invoice corrects the note, the buyer hears it, once', async () => {
    const { orderId, paymentId, buyer, admin } = await paidOrder()
    const first = await refund(admin.client, { orderId, amountCents: 10_000 })
    const [local] = await db().select().from(refunds).where(eq(refunds.orderId, orderId))
    await emulator().settleRefund(local!.mollieRefundId!, 'failed')
    expect(await emulator().deliverWebhook(paymentId, { times: 2, concurrent: true })).toEqual([200, 200])

    expect((await db().select().from(refunds).where(eq(refunds.id, local!.id)))[0]!.status).toBe('failed')
    expect((await orderRow(orderId)).refundedCents).toBe(0)
    const [creditNote] = await invoicesFor(orderId, 'credit_note')
    const corrections = (await invoicesFor(orderId)).filter((invoice) => invoice.correctsInvoiceId !== null)
    expect(corrections.map((c) => [c.correctsInvoiceId, c.totalCents])).toEqual([[creditNote!.id, 10_000]])
    const [pdf] = await db().select().from(invoicePdfs).where(eq(invoicePdfs.invoiceId, corrections[0]!.id))
    expect((await PDFDocument.load(pdf!.pdf)).getPageCount()).toBe(1)
    expect(await db().select().from(outbox).where(and(eq(outbox.to, buyer.email), eq(outbox.template, 'refundFailed')))).toHaveLength(1)
    const [alert, ...moreAlerts] = await shopAlerts()
    expect(moreAlerts).toHaveLength(0)
    expect(alert!.subject).toMatch(/^Actie nodig: terugbetaling mislukt/)
    expect(alert!.text).toContain(`/admin/bestellingen/${orderId}`)
    // Access ended with the refund and stays ended: an admin decides what happens next.
    expect(await outlineUnlocked(buyer.client)).toBe(false)

    const again = await refund(admin.client, { orderId, amountCents: 10_000 })
    expect(again.creditNoteNumber).not.toBe(first.creditNoteNumber)
    expect((await orderRow(orderId)).refundedCents).toBe(10_000)
  })

  test('repeating a refund with the same id (after a timeout) refunds once', async () => {
    const { orderId, admin } = await paidOrder()
    const refundId = crypto.randomUUID()
    // Mollie's answer is lost three times over: the client gives up, the refund stays requested.
    emulator().failNextRequests(4, 503)
    await expectRefusal(refund(admin.client, { orderId, amountCents: 5_000, refundId }), 'SERVICE_UNAVAILABLE', 'refund.unavailable')
    const again = await refund(admin.client, { orderId, amountCents: 5_000, refundId })
    const twice = await refund(admin.client, { orderId, amountCents: 5_000, refundId })
    expect(again.refundId).toBe(refundId)
    expect(twice.creditNoteNumber).toBe(again.creditNoteNumber)
    await expectRefusal(refund(admin.client, { orderId, amountCents: 6_000, refundId }), 'CONFLICT', 'refund.idTaken')
    expect(emulator().getPayment((await orderRow(orderId)).paidPaymentId!)!.refunds).toHaveLength(1)
    expect(await invoicesFor(orderId, 'credit_note')).toHaveLength(1)
  })

  test('refunds need an admin in sudo mode', async () => {
    const { orderId, buyer } = await paidOrder()
    await expectRefusal(refund(buyer.client, { orderId }), 'FORBIDDEN', 'error.forbidden')
  })

  test('a chargeback issues a credit note and ends access, once', async () => {
    const { orderId, paymentId, buyer } = await paidOrder()
    await emulator().addChargeback(paymentId, 69_700)
    await emulator().deliverWebhook(paymentId, { times: 2, concurrent: true })
    expect((await orderRow(orderId)).chargedBackCents).toBe(69_700)
    expect(await invoicesFor(orderId, 'credit_note')).toHaveLength(1)
    expect(await outlineUnlocked(buyer.client)).toBe(false)
  })

  describe('a chargeback the bank reverses', () => {
    const credits = async (email: string) => {
      const userId = (await userRow(server.deps, email)).id
      return (await db().select().from(coachingCredits).where(eq(coachingCredits.userId, userId))).reduce((sum, row) => sum + row.delta, 0)
    }
    const corrections = async (orderId: string) => (await invoicesFor(orderId)).filter((invoice) => invoice.correctsInvoiceId !== null)
    const buyerMails = (email: string) => db().select().from(outbox).where(and(eq(outbox.to, email), eq(outbox.template, 'chargebackReversed')))

    test('gives back the amount, the course and the sessions once, webhook and job at once; an invoice corrects the credit note; buyer and shop are told', async () => {
      const { orderId, paymentId, buyer } = await paidOrder()
      const chargeback = await emulator().addChargeback(paymentId, 69_700)
      expect(await outlineUnlocked(buyer.client)).toBe(false)
      expect(await credits(buyer.email)).toBe(0)
      const [creditNote] = await invoicesFor(orderId, 'credit_note')

      await emulator().reverseChargeback(chargeback.id, { webhook: 'none' })
      // Mollie's own figure no longer shows the chargeback: only the chargeback's reversedAt tells.
      expect(emulator().getPayment(paymentId)).toMatchObject({ amountChargedBackCents: 0, amountRemainingCents: 69_700 })
      server.deps.clock.advance(25 * 60 * 60_000)
      const [codes] = await Promise.all([emulator().deliverWebhook(paymentId, { times: 2, concurrent: true }), reconcilePayments(server.deps)])
      expect(codes).toEqual([200, 200])

      expect((await orderRow(orderId)).chargedBackCents).toBe(0)
      expect(await db().select().from(chargebackReversals).where(eq(chargebackReversals.orderId, orderId))).toMatchObject([
        { chargebackId: chargeback.id, amountCents: 69_700, accessRestoredAt: expect.any(Date) },
      ])
      const [correction, ...more] = await corrections(orderId)
      expect(more).toHaveLength(0)
      expect(correction).toMatchObject({ correctsInvoiceId: creditNote!.id, totalCents: 69_700 })
      expect((correction!.document as { paymentNote: string }).paymentNote).toContain('de bank de terugboeking heeft teruggedraaid')
      const [pdf] = await db().select().from(invoicePdfs).where(eq(invoicePdfs.invoiceId, correction!.id))
      expect((await PDFDocument.load(pdf!.pdf)).getPageCount()).toBe(1)
      expect(await outlineUnlocked(buyer.client)).toBe(true)
      expect(await credits(buyer.email)).toBe(3)
      const [mail, ...moreMails] = await buyerMails(buyer.email)
      expect(moreMails).toHaveLength(0)
      expect(mail!.text).toContain(`factuur ${correction!.number}`)
      expect(mail!.text).toContain('Je hebt weer toegang tot de cursus uit deze bestelling.')
      expect(mail!.text).toContain('De 3 coachingsessies die waren vervallen, staan weer voor je klaar.')
      const [alert, ...moreAlerts] = await shopAlerts()
      expect(moreAlerts).toHaveLength(0)
      expect(alert!.subject).toMatch(/^Actie nodig: terugboeking teruggedraaid/)

      // Later news changes nothing; a second chargeback (the bank disputes again) ends access again.
      expect(await emulator().deliverWebhook(paymentId)).toEqual([200])
      expect(await corrections(orderId)).toHaveLength(1)
      await emulator().addChargeback(paymentId, 69_700)
      expect((await orderRow(orderId)).chargedBackCents).toBe(69_700)
      expect(await outlineUnlocked(buyer.client)).toBe(false)
      expect(await credits(buyer.email)).toBe(0)
      expect(await invoicesFor(orderId, 'credit_note')).toHaveLength(2)
    })

    test('reversed in the same news as a new chargeback: the new one counts in full, access waits for its reversal', async () => {
      const { orderId, paymentId, buyer } = await paidOrder()
      const first = await emulator().addChargeback(paymentId, 69_700)
      await emulator().reverseChargeback(first.id, { webhook: 'none' })
      const second = await emulator().addChargeback(paymentId, 69_700, { webhook: 'none' })
      expect(await emulator().deliverWebhook(paymentId)).toEqual([200])

      // The reversal is taken off before the new chargeback is capped by what is still out.
      expect((await orderRow(orderId)).chargedBackCents).toBe(69_700)
      expect(await invoicesFor(orderId, 'credit_note')).toHaveLength(2)
      expect(await corrections(orderId)).toHaveLength(1)
      // Not given back and ended again in one go: no access, no sessions, and the buyer is not told of any.
      expect(await outlineUnlocked(buyer.client)).toBe(false)
      expect(await credits(buyer.email)).toBe(0)
      const [mail] = await buyerMails(buyer.email)
      expect(mail!.text).not.toContain('weer toegang')
      expect(mail!.text).not.toContain('staan weer voor je klaar')

      await emulator().reverseChargeback(second.id)
      expect((await orderRow(orderId)).chargedBackCents).toBe(0)
      expect(await outlineUnlocked(buyer.client)).toBe(true)
      expect(await credits(buyer.email)).toBe(3)
      expect(await corrections(orderId)).toHaveLength(2)
    })

    test('is found by the daily look at chargebacks that stand, when no webhook comes', async () => {
      const { orderId, paymentId, buyer } = await paidOrder()
      const chargeback = await emulator().addChargeback(paymentId, 20_000)
      await emulator().reverseChargeback(chargeback.id, { webhook: 'none' })
      await reconcilePayments(server.deps)
      expect((await orderRow(orderId)).chargedBackCents).toBe(20_000)
      server.deps.clock.advance(25 * 60 * 60_000)
      await reconcilePayments(server.deps)
      expect((await orderRow(orderId)).chargedBackCents).toBe(0)
      expect(await outlineUnlocked(buyer.client)).toBe(true)
      expect(await corrections(orderId)).toHaveLength(1)
    })

    test('gives back only the amount while a refund of the order stands: the access it ended stays ended', async () => {
      const { orderId, paymentId, buyer, admin } = await paidOrder()
      const chargeback = await emulator().addChargeback(paymentId, 30_000)
      expect(await outlineUnlocked(buyer.client)).toBe(false)
      await refund(admin.client, { orderId, amountCents: 5_000 })
      await emulator().reverseChargeback(chargeback.id)
      expect(await orderRow(orderId)).toMatchObject({ chargedBackCents: 0, refundedCents: 5_000 })
      expect(await corrections(orderId)).toHaveLength(1)
      expect(await outlineUnlocked(buyer.client)).toBe(false)
      expect(await credits(buyer.email)).toBe(0)
      const [mail] = await buyerMails(buyer.email)
      expect(mail!.text).not.toContain('weer toegang')
      const [alert] = (await shopAlerts()).filter((row) => row.subject.includes('teruggedraaid'))
      expect(alert!.text).toContain('blijft beëindigd')
    })

    test('reversed before we heard of it: nothing counted, nothing issued, nobody mailed; older news of it counts nothing', async () => {
      const { orderId, paymentId, buyer } = await paidOrder()
      const chargeback = await emulator().addChargeback(paymentId, 69_700, { webhook: 'none' })
      const before = await server.deps.payments.listChargebacks(paymentId)
      await emulator().reverseChargeback(chargeback.id)
      expect(await orderRow(orderId)).toMatchObject({ chargedBackCents: 0 })
      // A list read before the reversal, applied after it.
      await server.deps.db.transaction(async (tx) => {
        const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update')
        await recordChargeback({ ...server.deps, db: tx }, { order: order!, paymentId, chargeback: before[0]!, effects: newEffects(), now: server.deps.clock.now() })
      })
      expect((await orderRow(orderId)).chargedBackCents).toBe(0)
      expect(await invoicesFor(orderId, 'credit_note')).toHaveLength(0)
      expect(await corrections(orderId)).toHaveLength(0)
      expect(await buyerMails(buyer.email)).toHaveLength(0)
      expect(await outlineUnlocked(buyer.client)).toBe(true)
    })
  })
})

describe('invoices are bookkeeping records', () => {
  test('the database refuses to change or delete an invoice before its retention date; erasing the buyer only unlinks it', async () => {
    const buyer = await createMember(server.deps)
    const { orderId, paymentId } = await startBuying(buyer.client)
    await emulator().setPaymentStatus(paymentId, 'paid')
    const [invoice] = await invoicesFor(orderId)
    await expect(db().update(invoices).set({ totalCents: 1 }).where(eq(invoices.id, invoice!.id))).rejects.toThrow()
    await expect(db().delete(invoices).where(eq(invoices.id, invoice!.id))).rejects.toThrow()
    await expect(db().update(invoicePdfs).set({ sha256: 'x' }).where(eq(invoicePdfs.invoiceId, invoice!.id))).rejects.toThrow()
    await db().execute(sql`delete from users where email = ${buyer.email}`)
    const [kept] = await invoicesFor(orderId)
    expect(kept).toMatchObject({ number: invoice!.number, totalCents: invoice!.totalCents, userId: null })
  })
})

describe('admins manage products and coupons', () => {
  test('a new price applies to the next order only; coupons are created once per code; members may not do either', async () => {
    const buyer = await createMember(server.deps)
    const before = await startBuying(buyer.client, 'coachingsessie')
    const admin = await createMember(server.deps)
    await makeStaff(server.deps, admin)
    const api = await admin.client.api()
    await api.admin.checkout.updateProduct({ productSlug: 'coachingsessie', priceCents: 17_500 })
    expect((await orderRow(before.orderId)).totalCents).toBe(14_900)
    const after = await startBuying(buyer.client, 'coachingsessie')
    expect((await orderRow(after.orderId)).totalCents).toBe(17_500)

    const coupon = await api.admin.checkout.createCoupon({ code: 'zomer25', kind: 'percent', percentOff: 25, productSlugs: ['coachingsessie'] })
    expect(coupon).toMatchObject({ code: 'ZOMER25', redemptionCount: 0 })
    await expectRefusal(api.admin.checkout.createCoupon({ code: 'ZOMER25', kind: 'amount', amountOffCents: 100 }), 'CONFLICT', 'admin.couponCodeTaken')
    await api.admin.checkout.setCouponActive({ couponId: coupon.id, active: false })
    await expectRefusal(
      (await buyer.client.api()).checkout.previewCoupon({ productSlug: 'coachingsessie', couponCode: 'ZOMER25', locale: 'nl' }),
      'BAD_REQUEST',
      'checkout.couponInvalid',
    )

    const member = await buyer.client.api()
    await expectRefusal(member.admin.checkout.updateProduct({ productSlug: 'coachingsessie', priceCents: 100 }), 'FORBIDDEN', 'error.forbidden')
    await expectRefusal(member.admin.checkout.orders({ limit: 10 }), 'FORBIDDEN', 'error.forbidden')
  })
})
