import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * An emulator of the part of ManyChat's public API that we use, as an HTTP server in the test
 * process (like the Mollie emulator): bearer-token auth, `createSubscriber`, `findBySystemField`,
 * `updateSubscriber`, `getInfo`, with ManyChat's `{ status, data }` answers. Tests read what it
 * holds and every request it received, and make it fail on purpose.
 */
export interface EmulatedSubscriber {
  id: string
  first_name: string
  last_name: string
  email: string
  has_opt_in_email: boolean
}

export interface ReceivedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: Record<string, unknown> | null
}

export interface ManyChatEmulator {
  apiEndpoint: string
  apiKey: string
  subscribers: Map<string, EmulatedSubscriber>
  requests: ReceivedRequest[]
  /** The next `count` requests answer with this HTTP status (ManyChat down, rate limit). */
  failNext(count: number, status?: number): void
  reset(): void
  close(): Promise<void>
}

const CREATE_FIELDS = new Set(['first_name', 'last_name', 'phone', 'whatsapp_phone', 'email', 'gender', 'has_opt_in_sms', 'has_opt_in_email', 'consent_phrase'])
const UPDATE_FIELDS = new Set([...CREATE_FIELDS, 'subscriber_id'])

export async function startManyChatEmulator(options: { apiKey?: string } = {}): Promise<ManyChatEmulator> {
  const apiKey = options.apiKey ?? '1234567:emulatorkey0123456789abcdef'
  const subscribers = new Map<string, EmulatedSubscriber>()
  const requests: ReceivedRequest[] = []
  let failures: { count: number; status: number } = { count: 0, status: 500 }
  let nextId = 1_000_001

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const error = (res: ServerResponse, status: number, message: string, details?: unknown) =>
    send(res, status, { status: 'error', message, ...(details ? { details } : {}) })
  const unknownFields = (body: Record<string, unknown>, allowed: Set<string>) => Object.keys(body).filter((key) => !allowed.has(key))
  const findByEmail = (email: string) => [...subscribers.values()].find((s) => s.email !== '' && s.email.toLowerCase() === email.toLowerCase())

  async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    if (chunks.length === 0) return null
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://emulator')
    let body: Record<string, unknown> | null
    try {
      body = await readBody(req)
    } catch {
      return error(res, 400, 'Invalid JSON')
    }
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body })
    if (req.headers.authorization !== `Bearer ${apiKey}`) return error(res, 401, 'Wrong format token')
    if (failures.count > 0) {
      failures.count -= 1
      return error(res, failures.status, 'Emulated failure')
    }
    const route = `${req.method} ${url.pathname}`
    if (route === 'GET /fb/subscriber/findBySystemField') {
      const email = url.searchParams.get('email')
      if (!email) return error(res, 400, 'Validation error', { messages: { email: ['email or phone is required'] } })
      const found = findByEmail(email)
      return send(res, 200, { status: 'success', data: found ?? {} })
    }
    if (route === 'GET /fb/subscriber/getInfo') {
      const found = subscribers.get(url.searchParams.get('subscriber_id') ?? '')
      return found ? send(res, 200, { status: 'success', data: found }) : error(res, 400, 'Subscriber does not exist')
    }
    if (route === 'POST /fb/subscriber/createSubscriber') {
      if (!body) return error(res, 400, 'Validation error')
      const extra = unknownFields(body, CREATE_FIELDS)
      if (extra.length) return error(res, 400, 'Validation error', { messages: Object.fromEntries(extra.map((k) => [k, ['unknown field']])) })
      if (typeof body.email !== 'string' || body.email === '') return error(res, 400, 'Validation error', { messages: { email: ['phone or email is required'] } })
      if (findByEmail(body.email)) return error(res, 400, 'Subscriber with this email already exists')
      const subscriber: EmulatedSubscriber = {
        id: String(nextId++),
        first_name: typeof body.first_name === 'string' ? body.first_name : '',
        last_name: typeof body.last_name === 'string' ? body.last_name : '',
        email: body.email,
        has_opt_in_email: body.has_opt_in_email === true,
      }
      subscribers.set(subscriber.id, subscriber)
      return send(res, 200, { status: 'success', data: subscriber })
    }
    if (route === 'POST /fb/subscriber/updateSubscriber') {
      if (!body) return error(res, 400, 'Validation error')
      const extra = unknownFields(body, UPDATE_FIELDS)
      if (extra.length) return error(res, 400, 'Validation error', { messages: Object.fromEntries(extra.map((k) => [k, ['unknown field']])) })
      const subscriber = subscribers.get(String(body.subscriber_id ?? ''))
      if (!subscriber) return error(res, 400, 'Subscriber does not exist')
      if (typeof body.first_name === 'string') subscriber.first_name = body.first_name
      if (typeof body.last_name === 'string') subscriber.last_name = body.last_name
      if (typeof body.email === 'string') subscriber.email = body.email
      if (typeof body.has_opt_in_email === 'boolean') subscriber.has_opt_in_email = body.has_opt_in_email
      return send(res, 200, { status: 'success', data: subscriber })
    }
    return error(res, 404, 'Not found')
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => error(res, 500, 'Emulator failure'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    apiEndpoint: `http://127.0.0.1:${port}`,
    apiKey,
    subscribers,
    requests,
    failNext(count, status = 500) {
      failures = { count, status }
    },
    reset() {
      subscribers.clear()
      requests.length = 0
      failures = { count: 0, status: 500 }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((err) => (err ? reject(err) : resolve()))
      }),
  }
}
