import type { IncomingMessage, ServerResponse } from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import type { PaymentStatus, RefundStatus } from '../gateway.ts'
import { createApiHandler, type SimulatedFailure } from './api.ts'
import { createEmulatorCa, issueServerCertificate, type PemPair } from './certificates.ts'
import { createCheckoutHandler, type CheckoutHandler } from './checkout-page.ts'
import { EmulatorStateError } from './errors.ts'
import type { StoredChargeback, StoredPayment, StoredRefund } from './model.ts'
import type { LinkContext } from './representation.ts'
import { paymentStatusCallsWebhook, refundPath, refundStatusCallsWebhook } from './status-rules.ts'
import { EmulatorStore } from './store.ts'
import { WebhookDispatcher, type WebhookDelivery } from './webhooks.ts'

export interface MollieEmulatorOptions {
  /** Default 0: a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Only these API keys are accepted; default: any well-formed `test_…`/`live_…` key. */
  apiKeys?: readonly string[]
  /**
   * Where `_links.checkout` points: `${checkoutBaseUrl}/checkout/tr_…`. Default: the emulator's own HTTPS
   * origin. A dev server mounting `checkoutHandler` under `/_mollie-emulator` passes
   * `http://localhost:3000/_mollie-emulator`.
   */
  checkoutBaseUrl?: string
  /** The path the host mounts `checkoutHandler` under; default: the path of `checkoutBaseUrl`. */
  checkoutPathPrefix?: string
  /** Waits before each webhook retry. Default: 1 s, 5 s, 30 s, 2 min, 10 min, then give up. */
  webhookRetryDelaysMs?: readonly number[]
  /** How long one webhook attempt may take. Default 10 s. */
  webhookTimeoutMs?: number
  /** Lifetime of an open payment (`expiresAt`). Default 15 minutes. */
  paymentExpiryMs?: number
  /** JSON file to keep the state in across restarts (written atomically after every change). */
  stateFile?: string
  /** A CA to issue the server certificate from (e.g. kept in a dev server's data folder); default: a fresh one. */
  ca?: PemPair
  /** Default: a random `pfl_…`, or the one in the state file. */
  profileId?: string
  /** Default: the system clock. */
  clock?: () => Date
  /** Webhook failures and internal errors; default: silent. */
  log?: (message: string) => void
}

export type WebhookOption = { webhook?: 'deliver' | 'none' }

export type EmulatorRefund = Omit<StoredRefund, 'seq'>
export type EmulatorChargeback = Omit<StoredChargeback, 'seq'>

/** The emulator's own view of a payment (for assertions), with the amounts Mollie derives. */
export interface EmulatorPayment extends Omit<StoredPayment, 'seq'> {
  amountRefundedCents: number
  /** null until paid. */
  amountRemainingCents: number | null
  amountChargedBackCents: number
  checkoutUrl: string | null
  refunds: EmulatorRefund[]
  chargebacks: EmulatorChargeback[]
}

export type PaymentCreatedHook = (payment: EmulatorPayment) => void | Promise<void>

export interface MollieEmulator {
  /** `https://127.0.0.1:PORT` */
  readonly origin: string
  /** `https://127.0.0.1:PORT/v2/` — pass as `apiEndpoint`. */
  readonly apiEndpoint: string
  /** The CA that issued the server certificate — pass as `trustedCa`. */
  readonly caPem: string
  readonly checkoutBaseUrl: string
  /** The test checkout, to mount in a host app (the emulator's own server serves it too). */
  readonly checkoutHandler: CheckoutHandler
  /** Every webhook attempt since start or the last reset(), oldest first. */
  readonly webhookDeliveries: readonly WebhookDelivery[]

  /**
   * Moves a payment on under Mollie's status rules (throws `EmulatorStateError` otherwise); resolves
   * after the webhook's first attempt. Like Mollie, no webhook for `pending`.
   */
  setPaymentStatus(id: string, status: PaymentStatus, options?: WebhookOption): Promise<EmulatorPayment>
  /** Posts the payment's webhook now, `times` times (one after the other or all at once), without retries; resolves with the statuses (null: no answer). */
  deliverWebhook(id: string, options?: { times?: number; concurrent?: boolean }): Promise<Array<number | null>>
  /** From now on webhooks wait until releaseWebhooks(). */
  holdWebhooks(): void
  /** Delivers the held webhooks one after the other (retries as usual); resolves with their first statuses. */
  releaseWebhooks(options?: { order?: 'fifo' | 'reverse' }): Promise<Array<number | null>>
  /** Runs (and awaits) `hook` after a payment is created and before the create response is sent. Returns an unsubscribe. */
  onPaymentCreated(hook: PaymentCreatedHook): () => void
  /** A chargeback on a paid payment (at most `amountRemaining`); fires the payment's webhook. */
  addChargeback(paymentId: string, amountCents: number, options?: WebhookOption): Promise<EmulatorChargeback>
  /**
   * Settles a refund that is on its way: it passes through the statuses Mollie's lifecycle puts in
   * between (queued → pending → processing) and ends `refunded` or `failed`; one webhook, for the end.
   */
  settleRefund(refundId: string, status: 'refunded' | 'failed', options?: WebhookOption): Promise<EmulatorRefund>
  /**
   * One step of a refund's lifecycle (queued → pending → processing → refunded | failed; queued and
   * pending → canceled); the webhook only where Mollie calls it: processing, refunded, failed.
   */
  setRefundStatus(refundId: string, status: RefundStatus, options?: WebhookOption): Promise<EmulatorRefund>
  /** While on, new refunds are created `queued`, as Mollie does when the balance does not cover them. */
  queueRefunds(on?: boolean): void
  /** The bank reverses a chargeback: `reversedAt` is set and it no longer counts in `amountChargedBack`; fires the payment's webhook. */
  reverseChargeback(chargebackId: string, options?: WebhookOption): Promise<EmulatorChargeback>
  /** Expires every open payment (with webhooks); resolves with their ids. */
  expireOpenPayments(options?: WebhookOption): Promise<string[]>
  getPayment(id: string): EmulatorPayment | undefined
  /** Every payment, newest first. */
  listPayments(): EmulatorPayment[]
  /**
   * The next `count` API requests answer `status` (default 500) in Mollie's error shape, with no
   * effect; with `only`, just the next `count` requests of that method whose path matches.
   */
  failNextRequests(count: number, status?: number, options?: { retryAfterSeconds?: number; only?: { method: string; path: RegExp } }): void
  /** Resolves once no webhook attempt is under way and no retry is waiting. */
  webhooksIdle(): Promise<void>
  /** Forgets all payments, hooks, simulated failures, held webhooks, pending retries and the delivery log. */
  reset(): void
  close(): Promise<void>
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000]
const DEFAULT_EXPIRY_MS = 15 * 60 * 1000

/**
 * Starts the Mollie Payments API v2 emulator on HTTPS. The official `@mollie/api-client` talks to it
 * unchanged (see createTrustingMollieClient for the CA); tests drive payments through the controls.
 */
export async function startMollieEmulator(options: MollieEmulatorOptions = {}): Promise<MollieEmulator> {
  const host = options.host ?? '127.0.0.1'
  const log = options.log ?? (() => {})
  const clock = options.clock ?? (() => new Date())

  const ca = options.ca ?? (await createEmulatorCa())
  const serverCert = await issueServerCertificate(ca, [...new Set([host, '127.0.0.1', 'localhost'])])
  const store = new EmulatorStore({ stateFile: options.stateFile, profileId: options.profileId, clock, paymentExpiryMs: options.paymentExpiryMs ?? DEFAULT_EXPIRY_MS })
  const webhooks = new WebhookDispatcher({ retryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS, timeoutMs: options.webhookTimeoutMs ?? 10_000, log })
  const hooks = new Set<PaymentCreatedHook>()
  const failures: SimulatedFailure[] = []
  let refundsQueued = false

  // Both depend on the port, known once listening; requests cannot arrive before that.
  const late: { links?: LinkContext; checkoutHandler?: CheckoutHandler } = {}
  const requireLinks = (): LinkContext => {
    if (!late.links) throw new Error('the emulator is not listening yet')
    return late.links
  }

  const view = (payment: StoredPayment): EmulatorPayment => {
    const { seq: _seq, ...rest } = structuredClone(payment)
    return {
      ...rest,
      amountRefundedCents: store.amountRefundedCents(payment),
      amountRemainingCents: store.amountRemainingCents(payment),
      amountChargedBackCents: store.amountChargedBackCents(payment),
      checkoutUrl: payment.status === 'open' ? requireLinks().checkoutUrl(payment.id) : null,
      refunds: store.refundsOf(payment.id).map(refundView),
      chargebacks: store.chargebacksOf(payment.id).map(chargebackView),
    }
  }

  const notify = async (payment: StoredPayment, webhook: WebhookOption['webhook'] = 'deliver') => {
    if (webhook === 'deliver' && payment.webhookUrl) await webhooks.enqueue(payment.id, payment.webhookUrl)
  }

  const apiHandler = createApiHandler({
    store,
    links: requireLinks,
    acceptedKeys: options.apiKeys,
    newRefundStatus: () => (refundsQueued ? 'queued' : 'pending'),
    takeFailure: (method, path) => {
      const at = failures.findIndex(({ only }) => !only || (only.method === method && only.path.test(path)))
      return at === -1 ? undefined : failures.splice(at, 1)[0]
    },
    afterPaymentCreated: async (payment) => {
      for (const hook of [...hooks]) {
        try {
          await hook(view(payment))
        } catch (error) {
          log(`onPaymentCreated hook failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
        }
      }
    },
    log,
  })

  const server = https.createServer({ key: serverCert.keyPem, cert: serverCert.certPem }, (req: IncomingMessage, res: ServerResponse) => {
    if ((req.url ?? '').startsWith('/v2/')) {
      apiHandler(req, res).catch((error: unknown) => {
        log(`api error: ${String(error)}`)
        if (!res.headersSent) res.writeHead(500)
        res.end()
      })
    } else {
      late.checkoutHandler!(req, res)
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const origin = `https://${host.includes(':') ? `[${host}]` : host}:${port}`
  const apiEndpoint = `${origin}/v2/`
  const checkoutBaseUrl = (options.checkoutBaseUrl ?? origin).replace(/\/+$/, '')
  const pathPrefix = (options.checkoutPathPrefix ?? new URL(checkoutBaseUrl).pathname).replace(/\/+$/, '')
  late.links = {
    apiBase: apiEndpoint,
    checkoutUrl: (id) => `${checkoutBaseUrl}/checkout/${id}`,
    dashboardUrl: (id) => `${checkoutBaseUrl}/payments/${id}`,
  }

  const checkoutHandler = createCheckoutHandler({
    store,
    pathPrefix,
    complete: async (paymentId, outcome) => {
      const payment = store.setPaymentStatus(paymentId, outcome)
      await notify(payment, paymentStatusCallsWebhook(outcome) ? 'deliver' : 'none')
      return payment
    },
    log,
  })
  late.checkoutHandler = checkoutHandler

  const emulator: MollieEmulator = {
    origin,
    apiEndpoint,
    caPem: ca.certPem,
    checkoutBaseUrl,
    checkoutHandler,
    get webhookDeliveries() {
      return webhooks.deliveries
    },

    async setPaymentStatus(id, status, { webhook } = {}) {
      const payment = store.setPaymentStatus(id, status)
      await notify(payment, paymentStatusCallsWebhook(status) ? webhook : 'none')
      return view(payment)
    },

    async deliverWebhook(id, { times = 1, concurrent = false } = {}) {
      const payment = store.requirePayment(id)
      if (!payment.webhookUrl) throw new EmulatorStateError(`payment ${id} has no webhookUrl`)
      return webhooks.deliverNow(id, payment.webhookUrl, times, concurrent)
    },

    holdWebhooks: () => webhooks.hold(),
    releaseWebhooks: ({ order = 'fifo' } = {}) => webhooks.release(order),

    onPaymentCreated(hook) {
      hooks.add(hook)
      return () => void hooks.delete(hook)
    },

    async addChargeback(paymentId, amountCents, { webhook } = {}) {
      const chargeback = store.addChargeback(paymentId, amountCents)
      await notify(store.requirePayment(paymentId), webhook)
      return chargebackView(chargeback)
    },

    async settleRefund(refundId, status, { webhook } = {}) {
      if (status !== 'refunded' && status !== 'failed') throw new EmulatorStateError(`a refund settles as refunded or failed, not ${String(status)}`)
      const current = store.requireRefund(refundId)
      let path: RefundStatus[]
      try {
        path = refundPath(current.status, status)
      } catch {
        throw new EmulatorStateError(`refund ${refundId} cannot go from ${current.status} to ${status}`)
      }
      let refund = current
      for (const step of path) refund = store.setRefundStatus(refundId, step)
      await notify(store.requirePayment(refund.paymentId), webhook)
      return refundView(refund)
    },

    async setRefundStatus(refundId, status, { webhook } = {}) {
      const refund = store.setRefundStatus(refundId, status)
      await notify(store.requirePayment(refund.paymentId), refundStatusCallsWebhook(status) ? webhook : 'none')
      return refundView(refund)
    },

    queueRefunds(on = true) {
      refundsQueued = on
    },

    async reverseChargeback(chargebackId, { webhook } = {}) {
      const chargeback = store.reverseChargeback(chargebackId)
      await notify(store.requirePayment(chargeback.paymentId), webhook)
      return chargebackView(chargeback)
    },

    async expireOpenPayments({ webhook } = {}) {
      const expired = store.payments().filter((p) => p.status === 'open').map((p) => store.setPaymentStatus(p.id, 'expired'))
      await Promise.all(expired.map((p) => notify(p, webhook)))
      return expired.map((p) => p.id)
    },

    getPayment(id) {
      const payment = store.payment(id)
      return payment && view(payment)
    },

    listPayments: () => store.payments().map(view),

    failNextRequests(count, status = 500, { retryAfterSeconds, only } = {}) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`not a request count: ${count}`)
      if (!Number.isInteger(status) || status < 400 || status > 599) throw new RangeError(`not an error status: ${status}`)
      for (let i = 0; i < count; i++) failures.push({ status, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }), ...(only && { only }) })
    },

    webhooksIdle: () => webhooks.idle(),

    reset() {
      store.reset()
      refundsQueued = false
      hooks.clear()
      failures.length = 0
      webhooks.reset()
    },

    async close() {
      webhooks.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
  return emulator
}

const refundView = ({ seq: _seq, ...refund }: StoredRefund): EmulatorRefund => structuredClone(refund)
const chargebackView = ({ seq: _seq, ...chargeback }: StoredChargeback): EmulatorChargeback => ({ ...chargeback })
