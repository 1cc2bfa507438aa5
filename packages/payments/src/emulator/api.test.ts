import type { MollieClient, Payment, PaymentEmbed } from '@mollie/api-client'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { LIVE_KEY, paymentBody, rawClient, rawRequest, TEST_KEY } from '../test-support.ts'
import { startMollieEmulator, type MollieEmulator } from './index.ts'

let emulator: MollieEmulator
let client: MollieClient

beforeAll(async () => {
  emulator = await startMollieEmulator()
  client = rawClient(emulator)
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const auth = (key = TEST_KEY) => ({ authorization: `Bearer ${key}` })
const createPayment = (overrides: Record<string, unknown> = {}) =>
  client.payments.create(paymentBody(overrides) as unknown as Parameters<MollieClient['payments']['create']>[0])

describe('payments over the official client', () => {
  test('create answers 201 HAL JSON with absolute links, and get returns the same resource', async () => {
    const raw = await rawRequest(emulator, {
      method: 'POST',
      path: '/v2/payments',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify(paymentBody({ webhookUrl: 'https://shop.example/webhooks/mollie' })),
    })
    expect(raw.status).toBe(201)
    expect(raw.headers['content-type']).toMatch(/^application\/hal\+json/)
    const body = JSON.parse(raw.body)
    const self = `${emulator.apiEndpoint}payments/${body.id}`
    expect(body).toMatchObject({
      resource: 'payment',
      mode: 'test',
      status: 'open',
      isCancelable: true,
      amount: { currency: 'EUR', value: '12.50' },
      description: 'Cursus Nederlands A1',
      method: null,
      metadata: { orderId: 'o_1' },
      locale: 'nl_NL',
      sequenceType: 'oneoff',
      redirectUrl: 'https://shop.example/return/o_1',
      webhookUrl: 'https://shop.example/webhooks/mollie',
      _links: {
        self: { href: self, type: 'application/hal+json' },
        checkout: { href: `${emulator.origin}/checkout/${body.id}`, type: 'text/html' },
        dashboard: { href: `${emulator.origin}/payments/${body.id}`, type: 'text/html' },
        documentation: { type: 'text/html' },
      },
    })
    expect(body.profileId).toMatch(/^pfl_[A-Za-z0-9]{10}$/)
    expect(body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/)
    expect(Date.parse(body.expiresAt) - Date.parse(body.createdAt)).toBe(15 * 60 * 1000)
    for (const absent of ['amountRefunded', 'amountRemaining', 'amountChargedBack', 'paidAt']) expect(body).not.toHaveProperty(absent)

    const fetched = await client.payments.get(body.id)
    expect(fetched.getCheckoutUrl()).toBe(body._links.checkout.href)
    expect(fetched.status).toBe('open')
    expect(fetched.hasRefunds()).toBe(false)

    const paid = await emulator.setPaymentStatus(body.id, 'paid')
    expect(paid.method).toBe('ideal')
    const after = await client.payments.get(body.id)
    expect(after.getCheckoutUrl()).toBeNull()
    expect(after).toMatchObject({ isCancelable: false, amountRefunded: { value: '0.00' }, amountRemaining: { value: '12.50' } })
    expect(after).not.toHaveProperty('expiresAt')
    expect(after.paidAt).toMatch(/\+00:00$/)
  })

  test('lists newest first, paged with next and previous links', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await createPayment({ description: `Bestelling ${i}` })).id)
    const newestFirst = [...ids].reverse()

    const first = await client.payments.page({ limit: 2 })
    expect(first.map((p) => p.id)).toEqual(newestFirst.slice(0, 2))
    expect(first.links.previous).toBeNull()
    expect(first.links.next!.href).toBe(`${emulator.apiEndpoint}payments?from=${newestFirst[2]}&limit=2`)

    const second = await first.nextPage!()
    expect(second.map((p) => p.id)).toEqual(newestFirst.slice(2, 4))
    const third = await second.nextPage!()
    expect(third.map((p) => p.id)).toEqual(newestFirst.slice(4))
    expect(third.links.next).toBeNull()
    const back = await third.previousPage!()
    expect(back.map((p) => p.id)).toEqual(newestFirst.slice(2, 4))

    const all: string[] = []
    for await (const payment of client.payments.iterate()) all.push(payment.id)
    expect(all).toEqual(newestFirst)

    const raw = JSON.parse((await rawRequest(emulator, { path: '/v2/payments?limit=3', headers: auth() })).body)
    expect(raw.count).toBe(3)
    expect(raw._embedded.payments).toHaveLength(3)
    expect(raw._links.self.href).toBe(`${emulator.apiEndpoint}payments?limit=3`)
    expect(raw._links.documentation.type).toBe('text/html')

    expect((await client.payments.page()).length).toBe(5)
    await expect(client.payments.page({ limit: 251 })).rejects.toMatchObject({ statusCode: 400, field: 'limit' })
    await expect(client.payments.page({ from: 'tr_nothere123' })).rejects.toMatchObject({ statusCode: 400, field: 'from' })
  })

  test('test and live keys see separate payments; live refuses a local webhook URL', async () => {
    const testPayment = await createPayment()
    const live = rawClient(emulator, LIVE_KEY)
    await expect(live.payments.get(testPayment.id)).rejects.toMatchObject({ statusCode: 404 })
    expect(await live.payments.page()).toHaveLength(0)
    await expect(
      live.payments.create(paymentBody({ webhookUrl: 'http://localhost:3000/webhooks/mollie' }) as never),
    ).rejects.toMatchObject({ statusCode: 422, field: 'webhookUrl' })
    const livePayment = await live.payments.create(paymentBody({ webhookUrl: 'https://jouwbot.example/webhooks/mollie' }) as never)
    expect(livePayment.mode).toBe('live')
  })

  test('embeds refunds and chargebacks on request', async () => {
    const payment = await createPayment()
    await emulator.setPaymentStatus(payment.id, 'paid')
    const refund = await client.paymentRefunds.create({ paymentId: payment.id, amount: { currency: 'EUR', value: '2.50' } })
    const chargeback = await emulator.addChargeback(payment.id, 300)

    const plain = await client.payments.get(payment.id)
    expect(plain._embedded).toBeUndefined()
    expect(plain._links.refunds!.href).toBe(`${emulator.apiEndpoint}payments/${payment.id}/refunds`)
    expect(plain._links.chargebacks!.href).toBe(`${emulator.apiEndpoint}payments/${payment.id}/chargebacks`)
    expect(plain).toMatchObject({ amountRefunded: { value: '2.50' }, amountChargedBack: { value: '3.00' }, amountRemaining: { value: '7.00' } })

    const embedded: Payment = await client.payments.get(payment.id, { embed: ['refunds', 'chargebacks'] as PaymentEmbed[] })
    expect(embedded._embedded!.refunds!.map((r) => r.id)).toEqual([refund.id])
    expect(embedded._embedded!.chargebacks!.map((c) => c.id)).toEqual([chargeback.id])
    const viaHelper: string[] = []
    for await (const r of embedded.getRefunds()) viaHelper.push(r.id)
    expect(viaHelper).toEqual([refund.id])

    const viaLinks: string[] = []
    for await (const c of plain.getChargebacks()) viaLinks.push(c.id)
    expect(viaLinks).toEqual([chargeback.id])
    const single = await client.paymentChargebacks.get(chargeback.id, { paymentId: payment.id })
    expect(single).toMatchObject({ amount: { value: '3.00' }, settlementAmount: { value: '-3.00' }, reversedAt: null })

    await expect(rawRequest(emulator, { path: `/v2/payments/${payment.id}?embed=orders`, headers: auth() })).resolves.toMatchObject({ status: 400 })
  })

  test('refunds: get, list, cancel while pending, settle', async () => {
    const payment = await createPayment({ amount: { currency: 'EUR', value: '20.00' } })
    await emulator.setPaymentStatus(payment.id, 'paid')
    const a = await client.paymentRefunds.create({ paymentId: payment.id, amount: { currency: 'EUR', value: '5.00' }, description: 'Les 1', metadata: { n: 1 } })
    const b = await client.paymentRefunds.create({ paymentId: payment.id, amount: { currency: 'EUR', value: '6.00' } })
    expect(a).toMatchObject({ resource: 'refund', status: 'pending', paymentId: payment.id, description: 'Les 1', metadata: { n: 1 }, mode: 'test' })
    expect(a._links.self.href).toBe(`${emulator.apiEndpoint}payments/${payment.id}/refunds/${a.id}`)
    expect((await a.getPayment()).id).toBe(payment.id)

    expect((await client.paymentRefunds.get(a.id, { paymentId: payment.id })).amount.value).toBe('5.00')
    expect((await client.paymentRefunds.page({ paymentId: payment.id })).map((r) => r.id)).toEqual([b.id, a.id])

    await client.paymentRefunds.cancel(b.id, { paymentId: payment.id })
    expect((await client.payments.get(payment.id)).amountRemaining!.value).toBe('15.00')

    await emulator.settleRefund(a.id, 'refunded')
    const settled = await client.paymentRefunds.get(a.id, { paymentId: payment.id })
    expect(settled).toMatchObject({ status: 'refunded', settlementAmount: { value: '-5.00' } })
    await expect(client.paymentRefunds.cancel(a.id, { paymentId: payment.id })).rejects.toMatchObject({ statusCode: 422 })
    await expect(emulator.settleRefund(a.id, 'failed')).rejects.toThrow(/cannot go from refunded/)
    expect((await client.payments.get(payment.id)).status).toBe('paid')

    await expect(client.paymentRefunds.get('re_unknown1234', { paymentId: payment.id })).rejects.toMatchObject({ statusCode: 404 })
    await expect(
      client.paymentRefunds.create({ paymentId: payment.id, amount: { currency: 'USD', value: '1.00' } }),
    ).rejects.toMatchObject({ statusCode: 422, field: 'amount.currency' })
  })

  test('expireOpenPayments expires only open payments', async () => {
    const open = await createPayment()
    const paid = await createPayment()
    await emulator.setPaymentStatus(paid.id, 'paid')
    expect(await emulator.expireOpenPayments()).toEqual([open.id])
    expect(await client.payments.get(open.id)).toMatchObject({ status: 'expired', isCancelable: false })
    expect((await client.payments.get(open.id)).expiredAt).toBeDefined()
    expect((await client.payments.get(paid.id)).status).toBe('paid')
  })
})

describe('errors in Mollie’s shape', () => {
  test('401 without a key, with a malformed key, and with a key outside apiKeys', async () => {
    for (const headers of [{}, { authorization: 'Bearer test_short' }, { authorization: `Basic ${TEST_KEY}` }] as Record<string, string>[]) {
      const response = await rawRequest(emulator, { path: '/v2/payments', headers })
      expect(response.status).toBe(401)
      expect(JSON.parse(response.body)).toEqual({
        status: 401,
        title: 'Unauthorized Request',
        detail: 'Missing authentication, or failed to authenticate',
        _links: { documentation: { href: expect.stringMatching(/^https:\/\//), type: 'text/html' } },
      })
    }
    await expect(rawClient(emulator, 'test_tooshort').payments.page()).rejects.toMatchObject({ name: 'ApiError', statusCode: 401 })
  })

  test('404 for an unknown payment, naming the token', async () => {
    const error = await client.payments.get('tr_doesnotexist').catch((e: unknown) => e)
    expect(error).toMatchObject({ statusCode: 404, title: 'Not Found', message: 'No payment exists with token tr_doesnotexist.' })
    expect((await rawRequest(emulator, { path: '/v2/orders', headers: auth() })).status).toBe(404)
    expect((await rawRequest(emulator, { method: 'PUT', path: '/v2/payments', headers: auth() })).status).toBe(405)
  })

  test.each([
    ['one decimal', { amount: { currency: 'EUR', value: '12.5' } }, 'amount.value'],
    ['zero', { amount: { currency: 'EUR', value: '0.00' } }, 'amount.value'],
    ['over the maximum', { amount: { currency: 'EUR', value: '50000.01' } }, 'amount.value'],
    ['another currency', { amount: { currency: 'USD', value: '10.00' } }, 'amount.currency'],
    ['no amount', { amount: undefined }, 'amount'],
    ['empty description', { description: '' }, 'description'],
    ['256-character description', { description: 'x'.repeat(256) }, 'description'],
    ['no redirectUrl', { redirectUrl: undefined }, 'redirectUrl'],
    ['relative redirectUrl', { redirectUrl: 'shop.example/return' }, 'redirectUrl'],
    ['ftp webhookUrl', { webhookUrl: 'ftp://shop.example/hook' }, 'webhookUrl'],
    ['unknown locale', { locale: 'nl' }, 'locale'],
    ['unknown method', { method: 'bitcoin' }, 'method'],
    ['metadata over 1 KB', { metadata: { blob: 'x'.repeat(1100) } }, 'metadata'],
  ])('422 for %s (field %s)', async (_label, overrides, field) => {
    const response = await rawRequest(emulator, {
      method: 'POST',
      path: '/v2/payments',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify(paymentBody(overrides)),
    })
    expect(response.status).toBe(422)
    expect(JSON.parse(response.body)).toMatchObject({ status: 422, title: 'Unprocessable Entity', field, detail: expect.any(String) })
    expect(emulator.listPayments()).toHaveLength(0)
  })

  test('400 for a body that is not a JSON object', async () => {
    const response = await rawRequest(emulator, { method: 'POST', path: '/v2/payments', headers: auth(), body: '{"amount":' })
    expect(response.status).toBe(400)
  })

  test('cancel: open becomes canceled, anything else is a 422', async () => {
    const payment = await createPayment()
    const canceled = await client.payments.cancel(payment.id)
    expect(canceled).toMatchObject({ status: 'canceled', isCancelable: false })
    expect(canceled.canceledAt).toBeDefined()
    await expect(client.payments.cancel(payment.id)).rejects.toMatchObject({ statusCode: 422 })
  })
})

describe('idempotency keys', () => {
  const post = (key: string, body: unknown) =>
    rawRequest(emulator, {
      method: 'POST',
      path: '/v2/payments',
      headers: { ...auth(), 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    })

  test('same key and body: the stored answer again, marked Idempotent-Replayed', async () => {
    const first = await post('order-o_1-attempt-1', paymentBody())
    const second = await post('order-o_1-attempt-1', paymentBody())
    expect(first.status).toBe(201)
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    expect(second.status).toBe(201)
    expect(second.headers['idempotent-replayed']).toBe('true')
    expect(JSON.parse(second.body).id).toBe(JSON.parse(first.body).id)
    expect(emulator.listPayments()).toHaveLength(1)
  })

  test('same key, other body: 400 and nothing created', async () => {
    await post('order-o_2', paymentBody())
    const mismatch = await post('order-o_2', paymentBody({ amount: { currency: 'EUR', value: '99.00' } }))
    expect(mismatch.status).toBe(400)
    expect(JSON.parse(mismatch.body)).toMatchObject({ status: 400, title: 'Bad Request' })
    expect(emulator.listPayments()).toHaveLength(1)
  })

  test('keys are per API key, refusals are replayed, and concurrent duplicates create one payment', async () => {
    const bad = await post('k-422', paymentBody({ description: '' }))
    expect(bad.status).toBe(422)
    expect((await post('k-422', paymentBody({ description: '' }))).headers['idempotent-replayed']).toBe('true')

    const [a, b, c] = await Promise.all([post('k-race', paymentBody()), post('k-race', paymentBody()), post('k-race', paymentBody())])
    expect(new Set([a, b, c].map((r) => JSON.parse(r.body).id)).size).toBe(1)
    expect(emulator.listPayments()).toHaveLength(1)

    const otherKey = await rawRequest(emulator, {
      method: 'POST',
      path: '/v2/payments',
      headers: { authorization: `Bearer test_${'Q'.repeat(30)}`, 'idempotency-key': 'k-race' },
      body: JSON.stringify(paymentBody()),
    })
    expect(otherKey.status).toBe(201)
    expect(otherKey.headers['idempotent-replayed']).toBeUndefined()
  })

  test('a simulated 5xx is not stored: the client’s retry with its own key goes through once', async () => {
    emulator.failNextRequests(2, 502, { retryAfterSeconds: 0 })
    const payment = await createPayment()
    expect(emulator.listPayments().map((p) => p.id)).toEqual([payment.id])
  })

  test('a failure kept for one kind of request lets the others through', async () => {
    const payment = await createPayment()
    emulator.failNextRequests(1, 503, { only: { method: 'POST', path: /\/refunds$/ } })
    const get = () => rawRequest(emulator, { method: 'GET', path: `/v2/payments/${payment.id}`, headers: auth() })
    expect((await get()).status).toBe(200)
    const refund = () =>
      rawRequest(emulator, { method: 'POST', path: `/v2/payments/${payment.id}/refunds`, headers: auth(), body: JSON.stringify({ amount: { currency: 'EUR', value: '1.00' } }) })
    expect((await refund()).status).toBe(503)
    expect((await get()).status).toBe(200)
  })

  test('DELETE is idempotent too', async () => {
    const payment = await createPayment()
    const cancel = () => rawRequest(emulator, { method: 'DELETE', path: `/v2/payments/${payment.id}`, headers: { ...auth(), 'idempotency-key': 'cancel-1' } })
    expect((await cancel()).status).toBe(200)
    const again = await cancel()
    expect(again.status).toBe(200)
    expect(again.headers['idempotent-replayed']).toBe('true')
  })
})
