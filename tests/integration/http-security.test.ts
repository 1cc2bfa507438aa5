import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import pino from 'pino'
import { createServer, type Server } from 'node:http'
import { createApp } from '@jouwbot/server/app'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { makeDeps } from '../helpers/deps.ts'
import { PASSWORD, uniqueEmail } from '../helpers/accounts.ts'
import { lastLinkToken } from '../helpers/mailbox.ts'
import { createTestDatabase } from '@jouwbot/db/testing'
import { eq, sessions, users } from '@jouwbot/db'
import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from '@trpc/client'
import superjson from 'superjson'
import type { AppRouter } from '@jouwbot/api'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ webDist: null })
})
afterAll(async () => {
  await server?.close()
})

const json = (body: unknown) => JSON.stringify({ json: body })

/** Signs up, verifies and logs in over HTTP; returns the session cookie. */
async function loggedInCookie(): Promise<string> {
  const email = uniqueEmail('http')
  const headers = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }
  await fetch(`${server.url}/trpc/auth.signUp`, { method: 'POST', headers, body: json({ email, password: PASSWORD, firstName: 'Eva', lastName: 'Jansen' }) })
  const token = await lastLinkToken(server.deps.db, email, '/verify-email')
  await fetch(`${server.url}/trpc/auth.verifyEmail`, { method: 'POST', headers, body: json({ token }) })
  const res = await fetch(`${server.url}/trpc/auth.logIn`, { method: 'POST', headers, body: json({ email, password: PASSWORD }) })
  const cookie = res.headers.get('set-cookie')
  expect(cookie).toBeTruthy()
  return cookie!.split(';')[0]!
}

async function isLoggedIn(cookie: string): Promise<boolean> {
  const res = await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie } })
  const body = (await res.json()) as { result: { data: { json: unknown } } }
  return body.result.data.json !== null
}

describe('CSRF', () => {
  test('a cross-site multipart/form-data POST to auth.logOut is refused and the session survives', async () => {
    const cookie = await loggedInCookie()
    const form = new FormData()
    form.set('x', '1')
    const res = await fetch(`${server.url}/trpc/auth.logOut`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      body: form,
    })
    expect(res.status).toBe(403)
    expect(await isLoggedIn(cookie)).toBe(true)
  })

  test('a cross-site text/plain POST to auth.logOut is refused', async () => {
    const cookie = await loggedInCookie()
    const res = await fetch(`${server.url}/trpc/auth.logOut`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      body: '{}',
    })
    expect(res.status).toBe(403)
    expect(await isLoggedIn(cookie)).toBe(true)
  })

  test('a POST without Origin or Sec-Fetch-Site is refused', async () => {
    const cookie = await loggedInCookie()
    const res = await fetch(`${server.url}/trpc/auth.logOut`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(403)
    expect(await isLoggedIn(cookie)).toBe(true)
  })

  test('same-origin form encodings are refused too: /trpc only takes JSON bodies', async () => {
    const cookie = await loggedInCookie()
    const res = await fetch(`${server.url}/trpc/auth.logOut`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain', 'sec-fetch-site': 'same-origin' },
      body: '{}',
    })
    expect(res.status).toBe(415)
    expect(await isLoggedIn(cookie)).toBe(true)
  })

  test('the same-origin call logs out (by Sec-Fetch-Site or by matching Origin)', async () => {
    for (const headers of [{ 'sec-fetch-site': 'same-origin' }, { origin: server.url }] as Record<string, string>[]) {
      const cookie = await loggedInCookie()
      const res = await fetch(`${server.url}/trpc/auth.logOut`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: '{}',
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('set-cookie')).toMatch(/jb_session=;.*Max-Age=0/)
      expect(await isLoggedIn(cookie)).toBe(false)
    }
  })

  test('the browser tRPC client reads a CSRF refusal as a translated error, batched or not', async () => {
    const crossSite = (url: RequestInfo | URL, init?: RequestInit) =>
      fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), origin: 'https://evil.example' } })
    for (const link of [httpLink, httpBatchLink]) {
      const client = createTRPCClient<AppRouter>({ links: [link({ url: `${server.url}/trpc`, transformer: superjson, fetch: crossSite })] })
      const error = await client.auth.logOut.mutate().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(TRPCClientError)
      expect((error as TRPCClientError<AppRouter>).message).toBe('error.csrf')
      expect((error as TRPCClientError<AppRouter>).data).toMatchObject({ httpStatus: 403, key: 'error.csrf' })
    }
  })

  test('mutations cannot be called with GET (queries never change state)', async () => {
    const cookie = await loggedInCookie()
    const res = await fetch(`${server.url}/trpc/auth.logOut`, { headers: { cookie } })
    expect(res.status).toBe(405)
    expect(await isLoggedIn(cookie)).toBe(true)
  })
})

describe('limits and errors', () => {
  const sameOrigin = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }

  test('a 2 MB body is refused with 413 and nothing is created', async () => {
    const email = uniqueEmail('big')
    const res = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: 'POST',
      headers: sameOrigin,
      body: json({ email, password: PASSWORD, firstName: 'x'.repeat(2 * 1024 * 1024), lastName: 'y' }),
    })
    expect(res.status).toBe(413)
    const body = await res.text()
    expect(body).toContain('error.payloadTooLarge')
    expect(body).not.toMatch(/\bat .+\.(ts|js):\d+/)
    expect(await server.deps.db.select().from(users).where(eq(users.email, email))).toEqual([])
  })

  test('a batch of more than 10 calls is refused', async () => {
    const paths = Array.from({ length: 11 }, () => 'auth.me').join(',')
    const res = await fetch(`${server.url}/trpc/${paths}?batch=1`)
    expect(res.status).toBe(400)
    const ten = Array.from({ length: 10 }, () => 'auth.me').join(',')
    expect((await fetch(`${server.url}/trpc/${ten}?batch=1`)).status).toBe(200)
  })

  test('input errors are flattened into translated field keys', async () => {
    const res = await fetch(`${server.url}/trpc/auth.signUp`, { method: 'POST', headers: sameOrigin, body: json({ email: 'geen-adres', password: 'kort' }) })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { json: { message: string; data: { fieldErrors: Record<string, string[]> } } } }
    expect(body.error.json.message).toBe('error.invalidInput')
    expect(body.error.json.data.fieldErrors).toEqual({
      email: ['validation.email'],
      password: ['validation.passwordTooShort'],
      firstName: ['validation.required'],
      lastName: ['validation.required'],
    })
  })

  test('a NUL or other control character in a text field is a field error (400), never a 500', async () => {
    const email = uniqueEmail('nul')
    const res = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: 'POST',
      headers: sameOrigin,
      body: json({ email, password: PASSWORD, firstName: 'Eva\u0000', lastName: 'Jan\u001bsen' }),
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { json: { data: { fieldErrors: Record<string, string[]> } } } }
    expect(body.error.json.data.fieldErrors).toEqual({ firstName: ['validation.controlCharacters'], lastName: ['validation.controlCharacters'] })
    expect(await server.deps.db.select().from(users).where(eq(users.email, email))).toEqual([])

    // Logged in: the profile and an admin's order search and course edit take the same schemas.
    const cookie = await loggedInCookie()
    const profile = await fetch(`${server.url}/trpc/account.updateProfile`, {
      method: 'POST',
      headers: { ...sameOrigin, cookie },
      body: json({ firstName: 'Eva\u0000', lastName: 'Jansen', locale: 'nl', newsletter: false }),
    })
    expect(profile.status).toBe(400)
    // Staff procedures need 2FA (proved on this session); the subject here is input validation, so the
    // admin's second factor is written straight into the database rather than enrolled.
    const me = (await (await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie } })).json()) as { result: { data: { json: { email: string } } } }
    const [admin] = await server.deps.db.update(users).set({ role: 'admin', totpEnabledAt: new Date() }).where(eq(users.email, me.result.data.json.email)).returning({ id: users.id })
    await server.deps.db.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.userId, admin!.id))
    const search = await fetch(`${server.url}/trpc/admin.checkout.orders?input=${encodeURIComponent(json({ search: 'a\u0000b' }))}`, { headers: { cookie } })
    expect(search.status).toBe(400)
    const edit = await fetch(`${server.url}/trpc/admin.courses.update`, {
      method: 'POST',
      headers: { ...sameOrigin, cookie },
      body: json({ courseSlug: 'premium-cursus', title: 'Cursus\u0000' }),
    })
    expect(edit.status).toBe(400)
  })

  test('plain routes answer with the error code that matches the status (401 is UNAUTHORIZED, not INTERNAL_SERVER_ERROR)', async () => {
    const invoice = await fetch(`${server.url}/invoices/00000000-0000-4000-8000-000000000000.pdf`)
    expect(invoice.status).toBe(401)
    expect(((await invoice.json()) as { error: { data: { code: string; key: string } } }).error.data).toMatchObject({ code: 'UNAUTHORIZED', key: 'error.unauthorized' })
    const missing = await fetch(`${server.url}/nope`)
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: { data: { code: string } } }).error.data.code).toBe('NOT_FOUND')
  })

  test('no error body carries a stack trace: bad JSON, unknown procedure, internal failure', async () => {
    const bodies: string[] = []
    bodies.push(await (await fetch(`${server.url}/trpc/auth.logIn`, { method: 'POST', headers: sameOrigin, body: '{"json":' })).text())
    bodies.push(await (await fetch(`${server.url}/trpc/nope.nothing`)).text())
    bodies.push(await (await fetch(`${server.url}/nope`, { method: 'POST', headers: sameOrigin, body: '{}' })).text())

    // An internal failure: an app whose database is already closed.
    const handle = await createTestDatabase()
    const deps = makeDeps(handle)
    await handle.close()
    const broken = createApp({ deps, logger: pino({ level: 'silent' }), pingDb: async () => {}, webDist: null })
    const http: Server = createServer(broken)
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(http.address() as { port: number }).port}`
    const res = await fetch(`${url}/trpc/auth.logIn`, {
      method: 'POST',
      headers: { ...sameOrigin, origin: deps.appOrigin },
      body: json({ email: 'a@example.nl', password: PASSWORD }),
    })
    expect(res.status).toBe(500)
    const internal = (await res.json()) as { error: { json: { message: string; data: Record<string, unknown> } } }
    expect(internal.error.json.message).toBe('error.generic')
    expect(internal.error.json.data.requestId).toEqual(res.headers.get('x-request-id'))
    bodies.push(JSON.stringify(internal))
    await new Promise<void>((resolve) => http.close(() => resolve()))

    for (const body of bodies) {
      expect(body).not.toMatch(/stack|\bat .+\.(ts|js):\d+|node_modules/i)
    }
  })
})

describe('cookies, headers and health', () => {
  test('the session cookie is HttpOnly and SameSite=Lax, and not Secure on http://', async () => {
    const cookieHeader = await (async () => {
      const email = uniqueEmail('cookie')
      const headers = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }
      await fetch(`${server.url}/trpc/auth.signUp`, { method: 'POST', headers, body: json({ email, password: PASSWORD, firstName: 'A', lastName: 'B' }) })
      await fetch(`${server.url}/trpc/auth.verifyEmail`, { method: 'POST', headers, body: json({ token: await lastLinkToken(server.deps.db, email, '/verify-email') }) })
      const res = await fetch(`${server.url}/trpc/auth.logIn`, { method: 'POST', headers, body: json({ email, password: PASSWORD }) })
      return res.headers.get('set-cookie')!
    })()
    expect(cookieHeader).toMatch(/^jb_session=[a-z0-9]+\.[a-z0-9]+;/)
    // The device cookie (known browser for log-in throttling): HttpOnly, only sent to /trpc, kept a year.
    const device = cookieHeader.split(/, (?=jb_)/).find((cookie) => cookie.startsWith('jb_device='))
    expect(device).toMatch(/^jb_device=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+; Max-Age=31536000; Path=\/trpc; HttpOnly; SameSite=Lax$/)
    expect(cookieHeader).toMatch(/HttpOnly/)
    expect(cookieHeader).toMatch(/SameSite=Lax/)
    expect(cookieHeader).not.toMatch(/Secure/)
  })

  test('tRPC answers (which skip the Express router) carry the same security headers as plain routes, and their own request id', async () => {
    const plain = await fetch(`${server.url}/healthz`)
    const calls = await Promise.all([fetch(`${server.url}/trpc/system.ping`), fetch(`${server.url}/TRPC/system.ping`), fetch(`${server.url}/trpc/nope.nothing`)])
    const security = (res: Response) => [...res.headers].filter(([name]) => !/^(x-request-id|content-type|content-length|date|etag|vary|keep-alive|connection|cache-control)$/.test(name))
    expect(security(plain).length).toBeGreaterThan(5)
    for (const res of calls) {
      expect(security(res)).toEqual(security(plain))
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
    expect(calls[0]!.status).toBe(200)
    expect(calls[2]!.status).toBe(404)
    expect(new Set([plain, ...calls].map((res) => res.headers.get('x-request-id'))).size).toBe(4)
  })

  test('a strict Content-Security-Policy without inline script is sent', async () => {
    const res = await fetch(`${server.url}/healthz`)
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
  })

  test('GET /healthz answers ok, and 503 when the database does not answer', async () => {
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' })

    const handle = await createTestDatabase()
    const down = createApp({
      deps: makeDeps(handle),
      logger: pino({ level: 'silent' }),
      pingDb: () => Promise.reject(new Error('connection refused')),
      webDist: null,
    })
    const http: Server = createServer(down)
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const downRes = await fetch(`http://127.0.0.1:${(http.address() as { port: number }).port}/healthz`)
    expect(downRes.status).toBe(503)
    expect(await downRes.json()).toEqual({ status: 'error', db: 'unavailable' })
    await new Promise<void>((resolve) => http.close(() => resolve()))
    await handle.close()
  })
})
