import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { PaymentMode } from '../gateway.ts'
import { centsToValue } from '../gateway.ts'
import { authenticate, type Caller } from './auth.ts'
import { MollieApiProblem, mollieErrorBody } from './errors.ts'
import { BodyTooLargeError, readBody } from './http-util.ts'
import type { StoredPayment } from './model.ts'
import { paginate } from './pagination.ts'
import {
  chargebackResource,
  listResource,
  paymentResource,
  refundResource,
  type LinkContext,
  type PaymentEmbed,
} from './representation.ts'
import { isCancelable, isRefundCancelable } from './status-rules.ts'
import type { EmulatorStore } from './store.ts'
import { validateCreatePayment, validateCreateRefund } from './validation.ts'

const MAX_BODY_BYTES = 64 * 1024
const HAL_JSON = 'application/hal+json; charset=utf-8'

export interface SimulatedFailure {
  status: number
  retryAfterSeconds?: number
  /** Only requests with this method and a path matching this pattern fail; others pass untouched. */
  only?: { method: string; path: RegExp }
}

export interface ApiContext {
  store: EmulatorStore
  links: () => LinkContext
  acceptedKeys: readonly string[] | undefined
  /** The next simulated failure for this request, if any (see `failNextRequests`). */
  takeFailure: (method: string, path: string) => SimulatedFailure | undefined
  /** The status a new refund gets: `queued` while the emulator plays an account without balance. */
  newRefundStatus: () => 'queued' | 'pending'
  /** Runs the `onPaymentCreated` hooks; awaited before the create response is sent. */
  afterPaymentCreated: (payment: StoredPayment) => Promise<void>
  log: (message: string) => void
}

interface ApiResponse {
  status: number
  /** null for 204 No Content. */
  body: unknown
}

interface ApiRequest {
  method: string
  url: URL
  caller: Caller
  body: Record<string, unknown>
}

/**
 * The Payments API v2 under `/v2/`: payments (create, get, list, cancel), their refunds (create, get,
 * list, cancel) and chargebacks (get, list). Answers HAL JSON, or Mollie's error shape.
 */
export function createApiHandler(ctx: ApiContext): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const inFlight = new Map<string, Promise<unknown>>()

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let response: ApiResponse
    let replayed = false
    try {
      const method = req.method ?? 'GET'
      const url = new URL(req.url ?? '/', 'https://emulator.invalid')
      const failure = ctx.takeFailure(method, url.pathname)
      if (failure) {
        if (failure.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(failure.retryAfterSeconds))
        response = { status: failure.status, body: mollieErrorBody(failure.status, 'Simulated failure (Mollie emulator failNextRequests)') }
      } else {
        const caller = authenticate(req.headers.authorization, ctx.acceptedKeys)
        const raw = method === 'GET' || method === 'HEAD' ? '' : await readBody(req, MAX_BODY_BYTES)
        const idempotencyKey = req.headers['idempotency-key']
        const run = () => route({ method, url, caller, body: parseJsonBody(raw) })
        if ((method === 'POST' || method === 'DELETE') && typeof idempotencyKey === 'string') {
          ;({ response, replayed } = await idempotent(caller, idempotencyKey, `${method} ${url.pathname}${url.search}\n${raw}`, run))
        } else {
          response = await run()
        }
      }
    } catch (error) {
      response = problemResponse(error, ctx.log)
    }
    if (replayed) res.setHeader('Idempotent-Replayed', 'true')
    if (response.body === null) {
      res.writeHead(response.status).end()
    } else {
      const json = typeof response.body === 'string' ? response.body : JSON.stringify(response.body)
      res.writeHead(response.status, { 'Content-Type': HAL_JSON, 'Content-Length': Buffer.byteLength(json) }).end(json)
    }
  }

  /**
   * Same key + same request: the stored answer again (with `Idempotent-Replayed: true`); same key + another
   * request: 400. A second request while the first is still running waits for it. 5xx answers are not kept,
   * so the client's own retries (same key) get a real second try.
   */
  async function idempotent(caller: Caller, key: string, request: string, run: () => Promise<ApiResponse>): Promise<{ response: ApiResponse; replayed: boolean }> {
    if (key.length === 0 || key.length > 255) throw new MollieApiProblem(400, 'The Idempotency-Key header must be 1 to 255 characters.')
    const fingerprint = createHash('sha256').update(request).digest('hex')
    const slot = `${caller.scope}:${key}`
    for (;;) {
      const running = inFlight.get(slot)
      if (!running) break
      await running.catch(() => undefined)
    }
    const stored = ctx.store.idempotencyRecord(caller.scope, key)
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        throw new MollieApiProblem(400, 'The Idempotency-Key was already used for a different request (method, path or body).')
      }
      return { response: { status: stored.statusCode, body: stored.body === '' ? null : stored.body }, replayed: true }
    }
    const promise = (async () => {
      const response = await run().catch((error: unknown) => problemResponse(error, ctx.log))
      if (response.status < 500) {
        ctx.store.saveIdempotencyRecord({
          scope: caller.scope,
          key,
          fingerprint,
          statusCode: response.status,
          body: response.body === null ? '' : JSON.stringify(response.body),
        })
      }
      return response
    })()
    inFlight.set(slot, promise)
    try {
      return { response: await promise, replayed: false }
    } finally {
      inFlight.delete(slot)
    }
  }

  async function route(request: ApiRequest): Promise<ApiResponse> {
    const { method, url } = request
    const path = url.pathname
    let match: RegExpExecArray | null
    if (path === '/v2/payments') {
      if (method === 'POST') return createPayment(request)
      if (method === 'GET') return listPayments(request)
      return notAllowed()
    }
    if ((match = /^\/v2\/payments\/([^/]+)$/.exec(path))) {
      if (method === 'GET') return getPayment(request, match[1]!)
      if (method === 'DELETE') return cancelPayment(request, match[1]!)
      return notAllowed()
    }
    if ((match = /^\/v2\/payments\/([^/]+)\/refunds$/.exec(path))) {
      if (method === 'POST') return createRefund(request, match[1]!)
      if (method === 'GET') return listRefunds(request, match[1]!)
      return notAllowed()
    }
    if ((match = /^\/v2\/payments\/([^/]+)\/refunds\/([^/]+)$/.exec(path))) {
      if (method === 'GET') return getRefund(request, match[1]!, match[2]!)
      if (method === 'DELETE') return cancelRefund(request, match[1]!, match[2]!)
      return notAllowed()
    }
    if ((match = /^\/v2\/payments\/([^/]+)\/chargebacks$/.exec(path))) {
      if (method === 'GET') return listChargebacks(request, match[1]!)
      return notAllowed()
    }
    if ((match = /^\/v2\/payments\/([^/]+)\/chargebacks\/([^/]+)$/.exec(path))) {
      if (method === 'GET') return getChargeback(request, match[1]!, match[2]!)
      return notAllowed()
    }
    throw new MollieApiProblem(404, 'The requested resource does not exist (this emulator covers the Payments, Refunds and Chargebacks APIs).')
  }

  const notAllowed = (): never => {
    throw new MollieApiProblem(405, 'The requested method is not available for this resource.')
  }

  function findPayment(id: string, mode: PaymentMode): StoredPayment {
    const payment = ctx.store.payment(id)
    // A key only sees the payments of its own mode, like separate test and live accounts.
    if (!payment || payment.mode !== mode) throw new MollieApiProblem(404, `No payment exists with token ${id.slice(0, 64)}.`)
    return payment
  }

  async function createPayment({ caller, body }: ApiRequest): Promise<ApiResponse> {
    const fields = validateCreatePayment(body, caller.mode)
    const payment = ctx.store.createPayment(caller.mode, fields)
    // The answer shows the payment as created, even when a hook moves it on before the answer goes out.
    const resource = paymentResource(ctx.store, payment, ctx.links())
    await ctx.afterPaymentCreated(payment)
    return { status: 201, body: resource }
  }

  function getPayment({ caller, url }: ApiRequest, id: string): ApiResponse {
    const payment = findPayment(id, caller.mode)
    return { status: 200, body: paymentResource(ctx.store, payment, ctx.links(), parseEmbed(url.searchParams.get('embed'))) }
  }

  function listPayments({ caller, url }: ApiRequest): ApiResponse {
    const sort = url.searchParams.get('sort')
    if (sort !== null && sort !== 'asc' && sort !== 'desc') throw new MollieApiProblem(400, "The sort must be 'asc' or 'desc'.", 'sort')
    const payments = ctx.store.payments(caller.mode)
    if (sort === 'asc') payments.reverse()
    const page = paginate(payments, url.searchParams, sort === null ? {} : { sort })
    const links = ctx.links()
    return {
      status: 200,
      body: listResource('payments', `${links.apiBase}payments`, { ...page, items: page.items.map((p) => paymentResource(ctx.store, p, links)) }),
    }
  }

  function cancelPayment({ caller }: ApiRequest, id: string): ApiResponse {
    const payment = findPayment(id, caller.mode)
    if (!isCancelable(payment)) throw new MollieApiProblem(422, `The payment cannot be canceled: it is ${payment.status}.`)
    ctx.store.setPaymentStatus(id, 'canceled')
    return { status: 200, body: paymentResource(ctx.store, payment, ctx.links()) }
  }

  function createRefund({ caller, body }: ApiRequest, paymentId: string): ApiResponse {
    const payment = findPayment(paymentId, caller.mode)
    if (payment.status !== 'paid') throw new MollieApiProblem(422, `The payment cannot be refunded: it is ${payment.status}.`)
    const fields = validateCreateRefund(body)
    if (fields.amount.currency !== payment.currency) {
      throw new MollieApiProblem(422, `The refund must be in the payment's currency (${payment.currency}).`, 'amount.currency')
    }
    const remaining = ctx.store.amountRemainingCents(payment) ?? 0
    if (fields.amount.cents > remaining) {
      throw new MollieApiProblem(
        422,
        `The amount requested to be refunded (${centsToValue(fields.amount.cents)}) exceeds the amount remaining on the payment (${centsToValue(remaining)}).`,
        'amount.value',
      )
    }
    const refund = ctx.store.createRefund(payment, fields, ctx.newRefundStatus())
    return { status: 201, body: refundResource(refund, ctx.links()) }
  }

  function listRefunds({ caller, url }: ApiRequest, paymentId: string): ApiResponse {
    findPayment(paymentId, caller.mode)
    const page = paginate(ctx.store.refundsOf(paymentId), url.searchParams)
    const links = ctx.links()
    return {
      status: 200,
      body: listResource('refunds', `${links.apiBase}payments/${paymentId}/refunds`, { ...page, items: page.items.map((r) => refundResource(r, links)) }),
    }
  }

  function findRefund(paymentId: string, refundId: string) {
    const refund = ctx.store.refund(refundId)
    if (!refund || refund.paymentId !== paymentId) throw new MollieApiProblem(404, `No refund exists with token ${refundId.slice(0, 64)}.`)
    return refund
  }

  function getRefund({ caller }: ApiRequest, paymentId: string, refundId: string): ApiResponse {
    findPayment(paymentId, caller.mode)
    return { status: 200, body: refundResource(findRefund(paymentId, refundId), ctx.links()) }
  }

  function cancelRefund({ caller }: ApiRequest, paymentId: string, refundId: string): ApiResponse {
    findPayment(paymentId, caller.mode)
    const refund = findRefund(paymentId, refundId)
    if (!isRefundCancelable(refund)) throw new MollieApiProblem(422, `The refund cannot be canceled: it is ${refund.status}.`)
    ctx.store.setRefundStatus(refundId, 'canceled')
    return { status: 204, body: null }
  }

  function listChargebacks({ caller, url }: ApiRequest, paymentId: string): ApiResponse {
    findPayment(paymentId, caller.mode)
    const page = paginate(ctx.store.chargebacksOf(paymentId), url.searchParams)
    const links = ctx.links()
    return {
      status: 200,
      body: listResource('chargebacks', `${links.apiBase}payments/${paymentId}/chargebacks`, {
        ...page,
        items: page.items.map((c) => chargebackResource(c, links)),
      }),
    }
  }

  function getChargeback({ caller }: ApiRequest, paymentId: string, chargebackId: string): ApiResponse {
    findPayment(paymentId, caller.mode)
    const chargeback = ctx.store.chargebacksOf(paymentId).find((c) => c.id === chargebackId)
    if (!chargeback) throw new MollieApiProblem(404, `No chargeback exists with token ${chargebackId.slice(0, 64)}.`)
    return { status: 200, body: chargebackResource(chargeback, ctx.links()) }
  }

  return handle
}

function parseJsonBody(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new MollieApiProblem(400, 'The request body is not valid JSON.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MollieApiProblem(400, 'The request body must be a JSON object.')
  }
  return parsed as Record<string, unknown>
}

const EMBEDS: readonly PaymentEmbed[] = ['refunds', 'chargebacks', 'captures']

function parseEmbed(value: string | null): Set<PaymentEmbed> {
  const embed = new Set<PaymentEmbed>()
  if (value === null || value === '') return embed
  for (const part of value.split(',')) {
    if (!EMBEDS.includes(part as PaymentEmbed)) throw new MollieApiProblem(400, `The embed value '${part.slice(0, 32)}' is not supported.`, 'embed')
    embed.add(part as PaymentEmbed)
  }
  return embed
}

function problemResponse(error: unknown, log: (message: string) => void): ApiResponse {
  if (error instanceof MollieApiProblem) return { status: error.status, body: mollieErrorBody(error.status, error.detail, error.field) }
  if (error instanceof BodyTooLargeError) return { status: 413, body: mollieErrorBody(413, 'The request body is too large.') }
  log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  return { status: 500, body: mollieErrorBody(500, 'An internal error occurred in the Mollie emulator.') }
}
