import https from 'node:https'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { createEmulatorCa, EmulatorStateError, startMollieEmulator, type MollieEmulator } from './emulator/index.ts'
import { PaymentProviderError, type CreatePaymentInput, type CreateRefundInput, type PaymentGateway } from './gateway.ts'
import { createMollieGateway } from './mollie-gateway.ts'
import { startWebhookReceiver, TEST_KEY, type WebhookReceiver } from './test-support.ts'

let emulator: MollieEmulator
let gateway: PaymentGateway
let receiver: WebhookReceiver
let keyCounter = 0

beforeAll(async () => {
  emulator = await startMollieEmulator({ webhookRetryDelaysMs: [10, 10] })
  gateway = createMollieGateway({ apiKey: TEST_KEY, apiEndpoint: emulator.apiEndpoint, trustedCa: emulator.caPem })
  receiver = await startWebhookReceiver()
})
afterAll(async () => {
  await emulator.close()
  await receiver.close()
})
beforeEach(() => {
  emulator.reset()
  receiver.received.length = 0
  receiver.statuses.length = 0
})

const paymentInput = (overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
  amountCents: 4995,
  currency: 'EUR',
  description: 'Cursus Nederlands A2',
  redirectUrl: 'https://jouwbot.example/bestelling/o_42',
  webhookUrl: receiver.url,
  locale: 'nl_NL',
  metadata: { orderId: 'o_42' },
  idempotencyKey: `pay-${++keyCounter}`,
  ...overrides,
})

const refundInput = (paymentId: string, amountCents: number, overrides: Partial<CreateRefundInput> = {}): CreateRefundInput => ({
  paymentId,
  amountCents,
  currency: 'EUR',
  description: 'Terugbetaling',
  metadata: { orderId: 'o_42', refundRequestId: `rr_${++keyCounter}` },
  idempotencyKey: `refund-${keyCounter}`,
  ...overrides,
})

async function paidPayment(amountCents = 4995) {
  const payment = await gateway.createPayment(paymentInput({ amountCents }))
  await emulator.setPaymentStatus(payment.id, 'paid', { webhook: 'none' })
  return payment
}

describe('createMollieGateway: payments', () => {
  test('takes its mode from the API key and refuses a key that is neither test_ nor live_', () => {
    expect(gateway.mode).toBe('test')
    expect(createMollieGateway({ apiKey: `live_${TEST_KEY.slice(5)}` }).mode).toBe('live')
    expect(() => createMollieGateway({ apiKey: 'sk_something' })).toThrow(TypeError)
  })

  test('creates a payment and reads it back, in cents, with an absolute checkout URL while open', async () => {
    const created = await gateway.createPayment(paymentInput())
    expect(created).toMatchObject({
      status: 'open',
      mode: 'test',
      amountCents: 4995,
      currency: 'EUR',
      amountRefundedCents: 0,
      amountRemainingCents: null,
      amountChargedBackCents: 0,
      description: 'Cursus Nederlands A2',
      metadata: { orderId: 'o_42' },
      paidAt: null,
    })
    expect(created.id).toMatch(/^tr_[A-Za-z0-9]{10}$/)
    expect(created.checkoutUrl).toBe(`${emulator.origin}/checkout/${created.id}`)
    expect(created.createdAt).toBeInstanceOf(Date)

    await emulator.setPaymentStatus(created.id, 'paid', { webhook: 'none' })
    const paid = await gateway.getPayment(created.id)
    expect(paid).toMatchObject({ id: created.id, status: 'paid', checkoutUrl: null, amountRemainingCents: 4995, amountRefundedCents: 0 })
    expect(paid!.paidAt).toBeInstanceOf(Date)
  })

  test('the same idempotency key creates one payment, however often the create is retried', async () => {
    const input = paymentInput()
    const first = await gateway.createPayment(input)
    const second = await gateway.createPayment(input)
    expect(second.id).toBe(first.id)
    expect(emulator.listPayments()).toHaveLength(1)
    await expect(gateway.createPayment({ ...input, amountCents: 100 })).rejects.toMatchObject({ name: 'PaymentProviderError', statusCode: 400 })
  })

  test('getPayment is null for an unknown id and for an id that is no Mollie id at all', async () => {
    expect(await gateway.getPayment('tr_unknown123')).toBeNull()
    expect(await gateway.getPayment('tr_../../v2/payments')).toBeNull()
    expect(await gateway.getPayment('')).toBeNull()
  })

  test('validation refusals become PaymentProviderError with the field', async () => {
    await expect(gateway.createPayment(paymentInput({ amountCents: 0 }))).rejects.toMatchObject({
      name: 'PaymentProviderError',
      statusCode: 422,
      field: 'amount.value',
    })
    await expect(gateway.createPayment(paymentInput({ description: 'x'.repeat(256) }))).rejects.toMatchObject({ statusCode: 422, field: 'description' })
    await expect(gateway.createPayment(paymentInput({ redirectUrl: '/relative' }))).rejects.toMatchObject({ statusCode: 422, field: 'redirectUrl' })
    expect(emulator.listPayments()).toHaveLength(0)
  })

  test('an unknown API key is a 401 PaymentProviderError', async () => {
    const strict = await startMollieEmulator({ apiKeys: [TEST_KEY] })
    try {
      const intruder = createMollieGateway({ apiKey: `test_${'Z'.repeat(30)}`, apiEndpoint: strict.apiEndpoint, trustedCa: strict.caPem })
      const error = await intruder.createPayment(paymentInput()).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(PaymentProviderError)
      expect(error).toMatchObject({ statusCode: 401 })
      const allowed = createMollieGateway({ apiKey: TEST_KEY, apiEndpoint: strict.apiEndpoint, trustedCa: strict.caPem })
      expect((await allowed.createPayment(paymentInput())).status).toBe('open')
    } finally {
      await strict.close()
    }
  })

  test('cancels an open payment; a paid one cannot be canceled', async () => {
    const open = await gateway.createPayment(paymentInput())
    expect(await gateway.cancelPayment(open.id)).toMatchObject({ id: open.id, status: 'canceled', checkoutUrl: null })

    const paid = await paidPayment()
    await expect(gateway.cancelPayment(paid.id)).rejects.toMatchObject({ name: 'PaymentProviderError', statusCode: 422 })
    expect((await gateway.getPayment(paid.id))!.status).toBe('paid')
  })

  test('final states stay final, also for the emulator controls', async () => {
    const paid = await paidPayment()
    await expect(emulator.setPaymentStatus(paid.id, 'failed')).rejects.toBeInstanceOf(EmulatorStateError)
    await expect(emulator.setPaymentStatus(paid.id, 'open')).rejects.toBeInstanceOf(EmulatorStateError)
    const canceled = await gateway.createPayment(paymentInput())
    await gateway.cancelPayment(canceled.id)
    await expect(emulator.setPaymentStatus(canceled.id, 'paid')).rejects.toBeInstanceOf(EmulatorStateError)
    expect((await gateway.getPayment(paid.id))!.status).toBe('paid')
    expect((await gateway.getPayment(canceled.id))!.status).toBe('canceled')
  })
})

describe('createMollieGateway: refunds and chargebacks', () => {
  test('a partial refund, then the rest; the payment stays paid and amountRemaining follows', async () => {
    const payment = await paidPayment(5000)
    const partial = await gateway.createRefund(refundInput(payment.id, 1250))
    expect(partial).toMatchObject({ paymentId: payment.id, amountCents: 1250, currency: 'EUR', status: 'pending', description: 'Terugbetaling' })
    expect(partial.id).toMatch(/^re_/)
    expect(await gateway.getPayment(payment.id)).toMatchObject({ status: 'paid', amountRefundedCents: 1250, amountRemainingCents: 3750 })

    await expect(gateway.createRefund(refundInput(payment.id, 3751))).rejects.toMatchObject({ name: 'PaymentProviderError', statusCode: 422, field: 'amount.value' })

    await gateway.createRefund(refundInput(payment.id, 3750))
    expect(await gateway.getPayment(payment.id)).toMatchObject({ status: 'paid', amountRefundedCents: 5000, amountRemainingCents: 0 })
    await expect(gateway.createRefund(refundInput(payment.id, 1))).rejects.toMatchObject({ statusCode: 422 })

    const refunds = await gateway.listRefunds(payment.id)
    expect(refunds.map((r) => r.amountCents).sort((a, b) => a - b)).toEqual([1250, 3750])
    expect(refunds[0]!.metadata).toMatchObject({ orderId: 'o_42' })
  })

  test('a retried refund with the same idempotency key refunds once', async () => {
    const payment = await paidPayment(5000)
    const input = refundInput(payment.id, 1000)
    const first = await gateway.createRefund(input)
    const again = await gateway.createRefund(input)
    expect(again.id).toBe(first.id)
    expect(await gateway.listRefunds(payment.id)).toHaveLength(1)
    expect((await gateway.getPayment(payment.id))!.amountRemainingCents).toBe(4000)
  })

  test('an open payment cannot be refunded', async () => {
    const open = await gateway.createPayment(paymentInput())
    await expect(gateway.createRefund(refundInput(open.id, 100))).rejects.toMatchObject({ statusCode: 422 })
  })

  test('a failed refund gives the amount back to amountRemaining', async () => {
    const payment = await paidPayment(5000)
    const refund = await gateway.createRefund(refundInput(payment.id, 2000))
    await emulator.settleRefund(refund.id, 'failed', { webhook: 'none' })
    expect(await gateway.getPayment(payment.id)).toMatchObject({ amountRefundedCents: 0, amountRemainingCents: 5000 })
    expect((await gateway.listRefunds(payment.id))[0]!.status).toBe('failed')
  })

  test('a chargeback lowers amountRemaining, shows in listChargebacks and fires the webhook', async () => {
    const payment = await paidPayment(5000)
    const chargeback = await emulator.addChargeback(payment.id, 1500)
    expect(await gateway.getPayment(payment.id)).toMatchObject({ status: 'paid', amountChargedBackCents: 1500, amountRemainingCents: 3500 })
    expect(await gateway.listChargebacks(payment.id)).toEqual([
      { id: chargeback.id, paymentId: payment.id, amountCents: 1500, currency: 'EUR', createdAt: expect.any(Date), reversedAt: null },
    ])
    expect(receiver.received.map((w) => w.body)).toEqual([`id=${payment.id}`])
    await expect(emulator.addChargeback(payment.id, 3501)).rejects.toBeInstanceOf(EmulatorStateError)
    expect(await gateway.listChargebacks((await gateway.createPayment(paymentInput())).id)).toEqual([])
  })

  test('a reversed chargeback stays listed with reversedAt; the payment still says it has chargebacks', async () => {
    const payment = await paidPayment(5000)
    expect(await gateway.getPayment(payment.id)).toMatchObject({ hasChargebacks: false, amountChargedBackCents: 0 })
    const chargeback = await emulator.addChargeback(payment.id, 5000)
    expect(await gateway.getPayment(payment.id)).toMatchObject({ hasChargebacks: true, amountChargedBackCents: 5000, amountRemainingCents: 0 })
    await emulator.reverseChargeback(chargeback.id)
    // amountChargedBack is gone (Mollie shows it only when not zero); the chargeback itself is still there.
    expect(await gateway.getPayment(payment.id)).toMatchObject({ hasChargebacks: true, amountChargedBackCents: 0, amountRemainingCents: 5000 })
    const [listed] = await gateway.listChargebacks(payment.id)
    expect(listed).toMatchObject({ id: chargeback.id, amountCents: 5000, reversedAt: expect.any(Date) })
    expect(receiver.received.map((w) => w.body)).toEqual([`id=${payment.id}`, `id=${payment.id}`])
  })

  test('a refund asked while the balance is short is queued, and can be canceled until it is processing', async () => {
    const payment = await paidPayment(5000)
    emulator.queueRefunds()
    const refund = await gateway.createRefund(refundInput(payment.id, 2000))
    expect(refund.status).toBe('queued')
    expect(await gateway.getPayment(payment.id)).toMatchObject({ amountRefundedCents: 2000, amountRemainingCents: 3000 })
    await emulator.settleRefund(refund.id, 'refunded', { webhook: 'none' })
    expect((await gateway.listRefunds(payment.id))[0]!.status).toBe('refunded')
  })
})

describe('createMollieGateway: failures that are not refusals', () => {
  test('a passing 5xx is retried by the client; a lasting one propagates as it is', async () => {
    emulator.failNextRequests(1, 500, { retryAfterSeconds: 0 })
    expect((await gateway.createPayment(paymentInput())).status).toBe('open')

    emulator.failNextRequests(3, 503, { retryAfterSeconds: 0 })
    const error = await gateway.createPayment(paymentInput()).catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(PaymentProviderError)
    expect(error).toMatchObject({ name: 'ApiError', statusCode: 503 })
    expect(emulator.listPayments()).toHaveLength(1)
  })

  test('a rate limit (429) means "unknown, try again", not a refusal', async () => {
    emulator.failNextRequests(1, 429)
    const error = await gateway.listRefunds('tr_abcdefghij').catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(PaymentProviderError)
    expect(error).toMatchObject({ statusCode: 429 })
  })

  test('a network failure propagates as it is', async () => {
    const gone = await startMollieEmulator()
    await gone.close()
    const offline = createMollieGateway({ apiKey: TEST_KEY, apiEndpoint: gone.apiEndpoint, trustedCa: gone.caPem })
    const error = await offline.getPayment('tr_abcdefghij').catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(PaymentProviderError)
    expect(String((error as Error).message)).toMatch(/ECONNREFUSED/)
  })
})

describe('TLS: the client checks the emulator certificate for real', () => {
  test('without trustedCa, or with another CA, the connection is refused; with the emulator CA it works', async () => {
    const untrusting = createMollieGateway({ apiKey: TEST_KEY, apiEndpoint: emulator.apiEndpoint })
    await expect(untrusting.getPayment('tr_abcdefghij')).rejects.toThrow(/certificate/)

    const otherCa = await createEmulatorCa('Some other CA')
    const misled = createMollieGateway({ apiKey: TEST_KEY, apiEndpoint: emulator.apiEndpoint, trustedCa: otherCa.certPem })
    await expect(misled.getPayment('tr_abcdefghij')).rejects.toThrow(/certificate/)

    const trusting = createMollieGateway({ apiKey: TEST_KEY, apiEndpoint: emulator.apiEndpoint, trustedCa: emulator.caPem })
    expect(await trusting.getPayment('tr_abcdefghij')).toBeNull()
  })

  test('the host name is checked too: the certificate does not cover other names', async () => {
    const wrongHost = createMollieGateway({ apiKey: TEST_KEY, apiEndpoint: emulator.apiEndpoint.replace('127.0.0.1', '127.0.0.2'), trustedCa: emulator.caPem })
    await expect(wrongHost.getPayment('tr_abcdefghij')).rejects.toThrow(/altnames|IP: 127\.0\.0\.2|ECONNREFUSED/)
  })

  test('https.Agent is restored after the client is made', () => {
    const before = https.Agent
    createMollieGateway({ apiKey: TEST_KEY, apiEndpoint: emulator.apiEndpoint, trustedCa: emulator.caPem })
    expect(https.Agent).toBe(before)
    expect(new https.Agent().options.ca).toBeUndefined()
  })
})
