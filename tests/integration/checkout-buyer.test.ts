import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { and, eq, invoices, mailOutbox } from '@jouwbot/db'
import { layoutInvoice, type InvoiceDocument } from '@jouwbot/pdf'
import { truncateAll } from '@jouwbot/db/testing'
import { createMember } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { consumerBilling, seedShopFixture, startBuying } from '../helpers/shop.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

// What a buyer sees around the checkout (issue 13): the price list knows its course, a second
// purchase starts with the last address.
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
})

describe('the price list', () => {
  test('names each product in the asked language and says which course it unlocks', async () => {
    const { courseId } = await seedShopFixture(server.deps)
    const visitor = await (await createMember(server.deps)).client.api()
    const en = await visitor.checkout.products({ locale: 'en' })
    const nl = await visitor.checkout.products({ locale: 'nl' })
    expect(en.find((p) => p.slug === 'premium-cursus')).toMatchObject({ name: 'Premium Course', courseId, coachingCredits: 0 })
    expect(nl.find((p) => p.slug === 'premium-cursus')).toMatchObject({ name: 'Premium Cursus', courseId })
    expect(nl.find((p) => p.slug === 'coachingsessie')).toMatchObject({ courseId: null })
  })
})

describe('the last billing address', () => {
  test('is empty before the first order and is the last order’s address after it, for its buyer only', async () => {
    await seedShopFixture(server.deps)
    const buyer = await createMember(server.deps)
    const other = await createMember(server.deps, { email: 'ander@example.nl' })
    const api = await buyer.client.api()
    expect(await api.checkout.lastBilling()).toBeNull()

    await startBuying(buyer.client, 'coachingsessie')
    expect(await api.checkout.lastBilling()).toEqual({ ...consumerBilling, company: '', vatNumber: '' })

    // A later order with a business address wins; the VAT number comes back decrypted for its owner.
    server.deps.clock.advance(60_000)
    const business = { ...consumerBilling, company: 'Bot BV', vatNumber: 'NL004495445B01', addressLine: 'Kade 9', city: 'Leiden' }
    await startBuying(buyer.client, 'premium-cursus', { billing: business })
    expect(await api.checkout.lastBilling()).toMatchObject({ company: 'Bot BV', addressLine: 'Kade 9', city: 'Leiden', vatNumber: 'NL004495445B01' })

    expect(await (await other.client.api()).checkout.lastBilling()).toBeNull()
    // Addresses and balances are members' own: a visitor gets neither.
    const visitor = await new TestClient(server.deps).api()
    await expect(visitor.checkout.lastBilling()).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(visitor.checkout.coachingBalance()).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
  })
})

describe('bought coaching', () => {
  test('shows as a balance on the account, and the paid mail says where it is and how to book', async () => {
    await seedShopFixture(server.deps)
    const buyer = await createMember(server.deps)
    const api = await buyer.client.api()
    expect(await api.checkout.coachingBalance()).toEqual({ sessions: 0 })

    const open = await startBuying(buyer.client, 'coachingsessie')
    // Ordered is not bought: nothing until the payment is in.
    expect(await api.checkout.coachingBalance()).toEqual({ sessions: 0 })
    await server.payments!.emulator.setPaymentStatus(open.paymentId, 'paid')
    expect(await api.checkout.coachingBalance()).toEqual({ sessions: 1 })

    const plus = await startBuying(buyer.client, 'premium-cursus-coaching')
    await server.payments!.emulator.setPaymentStatus(plus.paymentId, 'paid')
    expect(await api.checkout.coachingBalance()).toEqual({ sessions: 4 })

    const mails = await server.deps.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, buyer.email), eq(mailOutbox.template, 'orderPaid')))
    expect(mails.map((mail) => mail.text.match(/Deze bestelling geeft je \d+ coachingsessies?/)?.[0]).sort()).toEqual([
      'Deze bestelling geeft je 1 coachingsessie',
      'Deze bestelling geeft je 3 coachingsessies',
    ])
  })
})

describe('the invoice of a paid order', () => {
  test('shows list price, coupon discount and net amount, a short order reference and that it is paid', async () => {
    await seedShopFixture(server.deps)
    const buyer = await createMember(server.deps)
    const { orderId, paymentId } = await startBuying(buyer.client, 'premium-cursus', { couponCode: 'WELKOM10' })
    await server.payments!.emulator.setPaymentStatus(paymentId, 'paid')
    const [invoice] = await server.deps.db.select().from(invoices).where(eq(invoices.orderId, orderId))
    const document = invoice!.document as Omit<InvoiceDocument, 'issueDate' | 'supplyDate'> & { issueDate: string; supplyDate: string }
    // € 297 incl. 21 % is € 245,45 excl.; 10 % off leaves € 267,30 incl., € 220,91 excl.
    expect(document.lines).toEqual([
      expect.objectContaining({
        unitPriceExclCents: 24_545,
        discount: { label: 'Korting (kortingscode WELKOM10)', amountExclCents: 2_454 },
        amountExclCents: 22_091,
        amountInclCents: 26_730,
      }),
    ])
    expect(document.paid).toBe(true)
    expect(invoice!.totalCents).toBe(26_730)

    const layout = layoutInvoice({ ...document, issueDate: new Date(document.issueDate), supplyDate: new Date(document.supplyDate) } as InvoiceDocument)
    const printed = layout.pages.flatMap((page) => page.texts.map((run) => run.text))
    expect(printed).toEqual(expect.arrayContaining([orderId.slice(0, 8).toUpperCase(), 'Korting (kortingscode WELKOM10)', '€ -24,54', 'Betaald', 'Totaal betaald']))
    expect(printed).not.toContain('Totaal te betalen')
    expect(printed.join(' ')).not.toContain(orderId.slice(9, 13))
  })
})
