/** Helpers for this package's tests (not exported from the package). */
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { createTrustingMollieClient } from './mollie-client.ts'
import type { MollieEmulator } from './emulator/index.ts'

export const TEST_KEY = 'test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM'
export const LIVE_KEY = 'live_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM'

export const rawClient = (emulator: MollieEmulator, apiKey = TEST_KEY) =>
  createTrustingMollieClient({ apiKey, apiEndpoint: emulator.apiEndpoint }, emulator.caPem)

export interface ReceivedWebhook {
  method: string
  path: string
  contentType: string | undefined
  body: string
}

export interface WebhookReceiver {
  url: string
  received: ReceivedWebhook[]
  /** Statuses to answer, one per request; 200 once the list is used up. */
  statuses: number[]
  /** Runs before answering (e.g. to fetch the payment like a real receiver). */
  onWebhook?: (webhook: ReceivedWebhook) => Promise<void> | void
  waitFor(count: number, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

/** A plain-HTTP server on 127.0.0.1 standing in for our app's `POST /webhooks/mollie`. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    statuses: [],
    async waitFor(count, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs
      while (receiver.received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhooks, got ${receiver.received.length}`)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    }),
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const webhook = { method: req.method ?? '', path: req.url ?? '', contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString() }
      receiver.received.push(webhook)
      void Promise.resolve(receiver.onWebhook?.(webhook)).finally(() => res.writeHead(receiver.statuses.shift() ?? 200).end())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/mollie`
  return receiver
}

export interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** An HTTPS request to the emulator that trusts only its CA — for what the client hides (headers, raw bodies). */
export function rawRequest(
  emulator: MollieEmulator,
  { method = 'GET', path, headers = {}, body }: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = https.request(new URL(path, emulator.origin), { method, headers, ca: emulator.caPem, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }))
    })
    request.on('error', reject)
    request.end(body)
  })
}

export const paymentBody = (overrides: Record<string, unknown> = {}) => ({
  amount: { currency: 'EUR', value: '12.50' },
  description: 'Cursus Nederlands A1',
  redirectUrl: 'https://shop.example/return/o_1',
  metadata: { orderId: 'o_1' },
  locale: 'nl_NL',
  ...overrides,
})
