import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import type { PaymentGateway } from '../gateway.ts'
import { createMollieGateway } from '../mollie-gateway.ts'
import { rawRequest, startWebhookReceiver, TEST_KEY, type WebhookReceiver } from '../test-support.ts'
import { startMollieEmulator, type MollieEmulator } from './index.ts'

let emulator: MollieEmulator
let gateway: PaymentGateway
let receiver: WebhookReceiver
let keys = 0

beforeAll(async () => {
  ;[emulator, receiver] = await Promise.all([startMollieEmulator({ webhookRetryDelaysMs: [20, 20] }), startWebhookReceiver()])
  gateway = createMollieGateway({ apiKey: TEST_KEY, apiEndpoint: emulator.apiEndpoint, trustedCa: emulator.caPem })
})
afterAll(async () => {
  await emulator.close()
  await receiver.close()
})
beforeEach(() => {
  emulator.reset()
  receiver.received.length = 0
  receiver.statuses.length = 0
  receiver.onWebhook = undefined
})

const create = (locale: 'nl_NL' | 'en_US' = 'nl_NL', webhookUrl: string | null = receiver.url) =>
  gateway.createPayment({
    amountCents: 1250,
    currency: 'EUR',
    description: 'Cursus <Nederlands> A1',
    redirectUrl: 'https://jouwbot.example/bestelling/o_7',
    ...(webhookUrl === null ? {} : { webhookUrl }),
    locale,
    metadata: { orderId: 'o_7' },
    idempotencyKey: `checkout-${++keys}`,
  })

const checkoutPath = (checkoutUrl: string | null) => new URL(checkoutUrl!).pathname
const postForm = (path: string, form: string) =>
  rawRequest(emulator, { method: 'POST', path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })

describe('test checkout page', () => {
  test('renders an accessible form in the payment’s language, without script or inline style', async () => {
    const payment = await create('nl_NL')
    const page = await rawRequest(emulator, { path: checkoutPath(payment.checkoutUrl) })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toContain("style-src 'self'")
    expect(page.body).toContain('<html lang="nl">')
    expect(page.body).toContain('Cursus &lt;Nederlands&gt; A1')
    expect(page.body).toContain('€\u00a012,50') // Intl puts a no-break space after the sign
    expect(page.body).toContain('<legend>Kies de uitkomst van de betaling</legend>')
    for (const [value, label] of [['paid', 'Betaald'], ['failed', 'Mislukt'], ['canceled', 'Geannuleerd'], ['expired', 'Verlopen']]) {
      expect(page.body).toContain(`<input type="radio" id="status-${value}" name="status" value="${value}"`)
      expect(page.body).toContain(`<label for="status-${value}">${label}</label>`)
    }
    expect(page.body.match(/<button/g)).toHaveLength(1)
    expect(page.body).not.toMatch(/<script|style=|<style/i)

    const english = await create('en_US')
    const englishPage = await rawRequest(emulator, { path: checkoutPath(english.checkoutUrl) })
    expect(englishPage.body).toContain('<html lang="en">')
    expect(englishPage.body).toContain('<label for="status-canceled">Canceled</label>')
    expect(englishPage.body).toContain('€12.50')

    const css = await rawRequest(emulator, { path: new URL('assets/checkout.css', payment.checkoutUrl!).pathname })
    expect(css.status).toBe(200)
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8')
    expect((await rawRequest(emulator, { path: '/checkout/tr_unknown1234' })).status).toBe(404)
  })

  test('POST applies the outcome, fires the webhook form-encoded and redirects 303 to redirectUrl', async () => {
    const payment = await create()
    const response = await postForm(checkoutPath(payment.checkoutUrl), 'status=paid')
    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('https://jouwbot.example/bestelling/o_7')
    // The first attempt is made before the redirect, like a quick Mollie: the return page can rely on it.
    expect(receiver.received).toEqual([
      { method: 'POST', path: '/webhooks/mollie', contentType: 'application/x-www-form-urlencoded', body: `id=${payment.id}` },
    ])
    expect(await gateway.getPayment(payment.id)).toMatchObject({ status: 'paid', checkoutUrl: null })
    expect(emulator.webhookDeliveries).toMatchObject([{ id: payment.id, url: receiver.url, attempt: 1, statusCode: 200 }])

    const again = await postForm(checkoutPath(payment.checkoutUrl), 'status=failed')
    expect(again.status).toBe(409)
    expect((await gateway.getPayment(payment.id))!.status).toBe('paid')
    expect((await rawRequest(emulator, { path: checkoutPath(payment.checkoutUrl) })).body).toContain('Deze betaling is niet meer open')
  })

  test.each(['failed', 'canceled', 'expired'] as const)('POST status=%s ends the payment that way', async (status) => {
    const payment = await create()
    expect((await postForm(checkoutPath(payment.checkoutUrl), `status=${status}`)).status).toBe(303)
    expect((await gateway.getPayment(payment.id))!.status).toBe(status)
  })

  test('an unknown outcome is refused and changes nothing', async () => {
    const payment = await create()
    expect((await postForm(checkoutPath(payment.checkoutUrl), 'status=open')).status).toBe(400)
    expect((await postForm(checkoutPath(payment.checkoutUrl), '')).status).toBe(400)
    expect((await gateway.getPayment(payment.id))!.status).toBe('open')
    expect(receiver.received).toEqual([])
  })

  test('works mounted under a path prefix on another server (the dev server’s origin)', async () => {
    const mount: { handler?: MollieEmulator['checkoutHandler'] } = {}
    const host = http.createServer((req, res) => {
      if (req.url?.startsWith('/_mollie-emulator/')) return mount.handler!(req, res)
      res.writeHead(418).end()
    })
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
    const hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`
    const mounted = await startMollieEmulator({ checkoutBaseUrl: `${hostOrigin}/_mollie-emulator/` })
    mount.handler = mounted.checkoutHandler
    try {
      const mountedGateway = createMollieGateway({ apiKey: TEST_KEY, apiEndpoint: mounted.apiEndpoint, trustedCa: mounted.caPem })
      const payment = await mountedGateway.createPayment({
        amountCents: 500,
        currency: 'EUR',
        description: 'Proefles',
        redirectUrl: `${hostOrigin}/bestelling/o_8`,
        webhookUrl: receiver.url,
        locale: 'en_US',
        metadata: { orderId: 'o_8' },
        idempotencyKey: 'mounted-1',
      })
      expect(payment.checkoutUrl).toBe(`${hostOrigin}/_mollie-emulator/checkout/${payment.id}`)

      const page = await fetch(payment.checkoutUrl!)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('Choose the outcome of the payment')
      const css = await fetch(new URL('assets/checkout.css', payment.checkoutUrl!))
      expect(css.status).toBe(200)

      const submit = await fetch(payment.checkoutUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'status=paid',
        redirect: 'manual',
      })
      expect(submit.status).toBe(303)
      expect(submit.headers.get('location')).toBe(`${hostOrigin}/bestelling/o_8`)
      expect((await mountedGateway.getPayment(payment.id))!.status).toBe('paid')
      expect(receiver.received.map((w) => w.body)).toEqual([`id=${payment.id}`])
    } finally {
      await mounted.close()
      await new Promise((resolve) => host.close(resolve))
    }
  })
})

describe('webhooks', () => {
  test('retries a 500 from the receiver until it answers 200', async () => {
    receiver.statuses.push(500, 503)
    const payment = await create()
    await emulator.setPaymentStatus(payment.id, 'paid')
    await emulator.webhooksIdle()
    expect(receiver.received).toHaveLength(3)
    expect(emulator.webhookDeliveries.map((d) => [d.attempt, d.statusCode])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200],
    ])
  })

  test('gives up after the last retry delay, and logs network failures', async () => {
    receiver.statuses.push(500, 500, 500, 500)
    const payment = await create()
    await emulator.setPaymentStatus(payment.id, 'failed')
    await emulator.webhooksIdle()
    expect(emulator.webhookDeliveries.map((d) => d.statusCode)).toEqual([500, 500, 500])

    const closed = await startWebhookReceiver()
    await closed.close()
    const unreachable = await create('nl_NL', closed.url)
    await emulator.setPaymentStatus(unreachable.id, 'paid')
    await emulator.webhooksIdle()
    const failures = emulator.webhookDeliveries.filter((d) => d.id === unreachable.id)
    expect(failures).toHaveLength(3)
    expect(failures[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/ECONNREFUSED/) })
  })

  test('no webhook without a webhookUrl, or when asked for none', async () => {
    const silent = await create('nl_NL', null)
    await emulator.setPaymentStatus(silent.id, 'paid')
    const quiet = await create()
    await emulator.setPaymentStatus(quiet.id, 'paid', { webhook: 'none' })
    expect(receiver.received).toEqual([])
    await expect(emulator.deliverWebhook(silent.id)).rejects.toThrow(/no webhookUrl/)
  })

  test('held webhooks arrive late and, when asked, in reverse order', async () => {
    const first = await create()
    const second = await create()
    emulator.holdWebhooks()
    await emulator.setPaymentStatus(first.id, 'paid')
    await emulator.setPaymentStatus(second.id, 'canceled')
    expect(receiver.received).toEqual([])
    expect(await emulator.releaseWebhooks({ order: 'reverse' })).toEqual([200, 200])
    expect(receiver.received.map((w) => w.body)).toEqual([`id=${second.id}`, `id=${first.id}`])

    await emulator.setPaymentStatus((await create()).id, 'paid')
    expect(receiver.received).toHaveLength(3)
  })

  test('deliverWebhook repeats a webhook, also concurrently', async () => {
    const payment = await create()
    let inside = 0
    let most = 0
    receiver.onWebhook = async () => {
      most = Math.max(most, ++inside)
      await new Promise((resolve) => setTimeout(resolve, 30))
      inside--
    }
    expect(await emulator.deliverWebhook(payment.id, { times: 3, concurrent: true })).toEqual([200, 200, 200])
    expect(most).toBe(3)
    expect(await emulator.deliverWebhook(payment.id, { times: 2 })).toEqual([200, 200])
    expect(most).toBe(3)
    expect(receiver.received).toHaveLength(5)
  })

  test('onPaymentCreated can deliver the webhook before createPayment has returned', async () => {
    const events: string[] = []
    receiver.onWebhook = async (webhook) => {
      // A real receiver fetches the payment; it already knows it is paid.
      const payment = await gateway.getPayment(new URLSearchParams(webhook.body).get('id')!)
      events.push(`webhook:${payment!.status}`)
    }
    const unsubscribe = emulator.onPaymentCreated(async (payment) => {
      events.push(`hook:${payment.status}`)
      await emulator.setPaymentStatus(payment.id, 'paid')
    })
    const payment = await create()
    events.push(`created:${payment.status}`)
    expect(events).toEqual(['hook:open', 'webhook:paid', 'created:open'])
    expect(payment.checkoutUrl).not.toBeNull()

    unsubscribe()
    await create()
    expect(events).toHaveLength(3)
  })

  test('a webhook for a refund settling and for a chargeback', async () => {
    const payment = await create()
    await emulator.setPaymentStatus(payment.id, 'paid', { webhook: 'none' })
    const refund = await gateway.createRefund({
      paymentId: payment.id,
      amountCents: 250,
      currency: 'EUR',
      description: 'Deel terug',
      metadata: { orderId: 'o_7', refundRequestId: 'rr_1' },
      idempotencyKey: 'refund-webhook',
    })
    expect(receiver.received).toEqual([])
    await emulator.settleRefund(refund.id, 'refunded')
    await emulator.addChargeback(payment.id, 100)
    expect(receiver.received.map((w) => w.body)).toEqual([`id=${payment.id}`, `id=${payment.id}`])
  })

  test('no webhook for pending, as Mollie documents; one for authorized and for the final statuses', async () => {
    const pending = await create()
    await emulator.setPaymentStatus(pending.id, 'pending')
    expect(receiver.received).toEqual([])
    await emulator.setPaymentStatus(pending.id, 'paid')
    const authorized = await create()
    await emulator.setPaymentStatus(authorized.id, 'authorized')
    await emulator.setPaymentStatus(authorized.id, 'canceled')
    expect(receiver.received.map((w) => w.body)).toEqual([`id=${pending.id}`, `id=${authorized.id}`, `id=${authorized.id}`])
  })

  test('a refund goes queued → pending → processing → refunded, with webhooks for processing and refunded only', async () => {
    const payment = await create()
    await emulator.setPaymentStatus(payment.id, 'paid', { webhook: 'none' })
    emulator.queueRefunds()
    const refund = await gateway.createRefund({
      paymentId: payment.id,
      amountCents: 250,
      currency: 'EUR',
      description: 'Deel terug',
      metadata: { orderId: 'o_7', refundRequestId: 'rr_queued' },
      idempotencyKey: 'refund-queued',
    })
    expect(refund.status).toBe('queued')
    const statusAtMollie = async () => (await gateway.listRefunds(payment.id))[0]!.status
    await emulator.setRefundStatus(refund.id, 'pending')
    expect(receiver.received).toEqual([])
    await expect(emulator.setRefundStatus(refund.id, 'refunded')).rejects.toThrow(/cannot go from pending to refunded/)
    await emulator.setRefundStatus(refund.id, 'processing')
    expect(await statusAtMollie()).toBe('processing')
    expect(receiver.received).toHaveLength(1)
    await expect(emulator.setRefundStatus(refund.id, 'canceled')).rejects.toThrow(/cannot go from processing to canceled/)
    await emulator.setRefundStatus(refund.id, 'refunded')
    expect(receiver.received).toHaveLength(2)
    await expect(emulator.setRefundStatus(refund.id, 'failed')).rejects.toThrow(/cannot go from refunded to failed/)
    expect(await statusAtMollie()).toBe('refunded')

    emulator.queueRefunds(false)
    const next = await gateway.createRefund({
      paymentId: payment.id,
      amountCents: 100,
      currency: 'EUR',
      description: 'Nog iets terug',
      metadata: { orderId: 'o_7', refundRequestId: 'rr_pending' },
      idempotencyKey: 'refund-pending',
    })
    expect(next.status).toBe('pending')
    await emulator.setRefundStatus(next.id, 'canceled')
    expect(receiver.received).toHaveLength(2)
  })

  test('a chargeback reversal fires the webhook; the chargeback stays listed with reversedAt', async () => {
    const payment = await create()
    await emulator.setPaymentStatus(payment.id, 'paid', { webhook: 'none' })
    const chargeback = await emulator.addChargeback(payment.id, 1250)
    const reversed = await emulator.reverseChargeback(chargeback.id)
    expect(reversed.reversedAt).toEqual(expect.any(String))
    expect(receiver.received.map((w) => w.body)).toEqual([`id=${payment.id}`, `id=${payment.id}`])
    await expect(emulator.reverseChargeback(chargeback.id)).rejects.toThrow(/already reversed/)
    await expect(emulator.reverseChargeback('chb_unknown1')).rejects.toThrow(/no chargeback/)
  })
})
