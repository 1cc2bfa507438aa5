import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { DAY, HOUR } from '@jouwbot/auth'
import { sql } from '@jouwbot/db'
import { truncateAll } from '@jouwbot/db/testing'
import { createMember } from '../helpers/accounts.ts'
import { sessionIdOf, sessionRow } from '../helpers/flows.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/**
 * The HTTP adapter looks the session up when the first procedure of a request asks for it, once
 * per request (a batch included), and never for procedures that do not look at the caller
 * (`system.ping`, `system.seller`). Refusals stay what they were.
 */

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ webDist: null })
})
afterAll(async () => {
  await server?.close()
})
beforeEach(async () => {
  await truncateAll(server.handle)
})

const call = (path: string, cookie: string | null) => fetch(`${server.url}/trpc/${path}`, { headers: cookie ? { cookie } : {} })

async function loggedIn() {
  const { client } = await createMember(server.deps)
  return { token: client.token!, cookie: `jb_session=${client.token}` }
}

describe('session lookup over HTTP', () => {
  test('system.ping and system.seller answer without touching the sessions table', async () => {
    const { cookie } = await loggedIn()
    // The sessions table locked by another transaction: a request that looked the session up would
    // wait for the lock (on PGlite, with its one connection, for any query at all).
    let meAnswered = false
    const { pending } = await server.handle.db.transaction(async (tx) => {
      await tx.execute(sql`lock table sessions in access exclusive mode`)
      const pending = call('auth.me', cookie).then((res) => {
        meAnswered = true
        return res
      })
      const ping = await call('system.ping', cookie)
      expect(ping.status).toBe(200)
      expect(await ping.json()).toEqual({ result: { data: { json: { ok: true } } } })
      expect(ping.headers.get('set-cookie')).toBeNull()
      const seller = await call('system.seller', cookie)
      expect(seller.status).toBe(200)
      // auth.me needs the session: it is still waiting for the lock.
      expect(meAnswered).toBe(false)
      // Wrapped: returning the promise itself would make the transaction wait for auth.me.
      return { pending }
    })
    const me = await pending
    expect(me.status).toBe(200)
    expect(((await me.json()) as { result: { data: { json: { email: string } | null } } }).result.data.json).not.toBeNull()
  })

  test('a batch looks the session up once: one renewal, one cookie', async () => {
    const { token, cookie } = await loggedIn()
    server.deps.clock.advance(2 * HOUR) // the sliding expiry is due for renewal
    const batch = await call(`auth.me,auth.sessions,auth.me?batch=1&input=${encodeURIComponent('{}')}`, cookie)
    expect(batch.status).toBe(200)
    const results = (await batch.json()) as { result: { data: { json: unknown } } }[]
    expect(results).toHaveLength(3)
    expect(results.every((r) => r.result.data.json !== null)).toBe(true)
    const cookies = batch.headers.getSetCookie()
    expect(cookies).toHaveLength(1)
    expect(cookies[0]).toMatch(new RegExp(`^jb_session=${token.replace('.', '\\.')};`))
    expect((await sessionRow(server.deps, token))!.lastSeenAt).toEqual(server.deps.clock.now())
  })

  test('a protected procedure still refuses an expired session, and clears its cookie', async () => {
    const { token, cookie } = await loggedIn()
    server.deps.clock.advance(31 * DAY)
    const res = await call('auth.sessions', cookie)
    expect(res.status).toBe(401)
    expect(res.headers.getSetCookie()).toEqual([expect.stringMatching(/^jb_session=; Max-Age=0;/)])
    expect(await sessionRow(server.deps, token)).toBeUndefined()
  })

  test('a protected procedure refuses a revoked session, in a batch with a ping too', async () => {
    const { token, cookie } = await loggedIn()
    await server.handle.db.execute(sql`delete from sessions where id = ${sessionIdOf(token)}`)
    const res = await call(`system.ping,auth.sessions,auth.me?batch=1&input=${encodeURIComponent('{}')}`, cookie)
    expect(res.status).toBe(207)
    const [ping, sessions, me] = (await res.json()) as [{ result: unknown }, { error: { json: { data: { httpStatus: number } } } }, { result: { data: { json: unknown } } }]
    expect(ping.result).toEqual({ data: { json: { ok: true } } })
    expect(sessions.error.json.data.httpStatus).toBe(401)
    expect(me.result.data.json).toBeNull()
    expect(res.headers.getSetCookie()).toEqual([expect.stringMatching(/^jb_session=; Max-Age=0;/)])
  })
})
