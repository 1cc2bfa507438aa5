import { describe, expect, test } from 'vitest'
import { DAY, HOUR, MINUTE } from '@jouwbot/auth'
import { createMember, PASSWORD } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { useTestDatabase } from '../helpers/test-db.ts'
import { expectRefusal, sessionIdOf, sessionRow, tokenWorks } from '../helpers/flows.ts'

const db = useTestDatabase()

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0'

describe('sessions', () => {
  test('sliding expiry: a session in use keeps working past 30 days; an idle one ends after 30', async () => {
    const deps = makeDeps(db())
    const { client: active, email } = await createMember(deps)
    const idle = new TestClient(deps, '198.51.100.2')
    await (await idle.api()).auth.logIn({ email, password: PASSWORD })

    deps.clock.advance(29 * DAY)
    expect(await (await active.api()).auth.me()).not.toBeNull()
    expect((await sessionRow(deps, active.token))!.expiresAt).toEqual(new Date(deps.clock.now().getTime() + 30 * DAY))

    deps.clock.advance(29 * DAY) // 58 days after login, 29 after the last activity
    expect(await (await active.api()).auth.me()).not.toBeNull()
    expect(await (await idle.api()).auth.me()).toBeNull()
  })

  test('the expiry is renewed at most once an hour', async () => {
    const deps = makeDeps(db())
    const { client } = await createMember(deps)
    const created = (await sessionRow(deps, client.token))!

    deps.clock.advance(30 * MINUTE)
    await (await client.api()).auth.me()
    const within = (await sessionRow(deps, client.token))!
    expect(within.expiresAt).toEqual(created.expiresAt)
    expect(within.lastSeenAt).toEqual(created.lastSeenAt)

    deps.clock.advance(31 * MINUTE)
    await (await client.api()).auth.me()
    const after = (await sessionRow(deps, client.token))!
    expect(after.lastSeenAt).toEqual(deps.clock.now())
    expect(after.expiresAt).toEqual(new Date(deps.clock.now().getTime() + 30 * DAY))
    expect(after.expiresAt.getTime()).toBeGreaterThan(created.expiresAt.getTime())
  })

  test('the absolute cap ends a session after 90 days, however active', async () => {
    const deps = makeDeps(db())
    const { client } = await createMember(deps)
    const loggedInAt = deps.clock.now()

    for (let i = 0; i < 3; i++) {
      deps.clock.advance(29 * DAY)
      expect(await (await client.api()).auth.me()).not.toBeNull()
    }
    // 87 days in: the sliding renewal stops at the cap.
    expect((await sessionRow(deps, client.token))!.expiresAt).toEqual(new Date(loggedInAt.getTime() + 90 * DAY))
    deps.clock.advance(2 * DAY)
    expect(await (await client.api()).auth.me()).not.toBeNull()
    deps.clock.advance(DAY) // exactly 90 days
    expect(await (await client.api()).auth.me()).toBeNull()
    expect(await sessionRow(deps, client.token)).toBeUndefined()
  })

  test('an expired session: auth.me is null and protected procedures refuse', async () => {
    const deps = makeDeps(db())
    const { client } = await createMember(deps)
    deps.clock.advance(30 * DAY + 1)

    expect(await (await client.api()).auth.me()).toBeNull()
    await expectRefusal((await client.api()).auth.sessions(), 'UNAUTHORIZED', 'error.unauthorized')
    expect(await sessionRow(deps, client.token)).toBeUndefined()
  })

  test('auth.sessions lists only my own sessions, with the device and which one is current', async () => {
    const deps = makeDeps(db())
    const { client: laptop, email } = await createMember(deps)
    const pc = new TestClient(deps, '198.51.100.3', FIREFOX_WINDOWS)
    deps.clock.advance(2 * HOUR)
    await (await pc.api()).auth.logIn({ email, password: PASSWORD })
    await createMember(deps, { firstName: 'Ander' }) // someone else's session must not show up

    const list = await (await laptop.api()).auth.sessions()

    expect(list).toHaveLength(2)
    expect(list.map((s) => ({ id: s.id, device: s.device, current: s.current })).sort((a, b) => a.device.localeCompare(b.device))).toEqual([
      { id: sessionIdOf(laptop.token), device: 'Chrome · Linux', current: true },
      { id: sessionIdOf(pc.token), device: 'Firefox · Windows', current: false },
    ])
    expect(list.find((s) => !s.current)?.userAgent).toBe(FIREFOX_WINDOWS)
    // Only the public id half of the token is ever listed.
    expect(JSON.stringify(list)).not.toContain(laptop.token!.split('.')[1]!)
    expect(JSON.stringify(list)).not.toContain(pc.token!.split('.')[1]!)
  })

  test('revoking one of my other sessions ends it and keeps mine', async () => {
    const deps = makeDeps(db())
    const { client: laptop, email } = await createMember(deps)
    const phone = new TestClient(deps, '198.51.100.4')
    await (await phone.api()).auth.logIn({ email, password: PASSWORD })

    await expect((await laptop.api()).auth.revokeSession({ sessionId: sessionIdOf(phone.token) })).resolves.toEqual({ ok: true })

    expect(await (await phone.api()).auth.me()).toBeNull()
    expect(await tokenWorks(deps, laptop.token)).toBe(true)
    expect(laptop.token).not.toBeNull()
  })

  test('revoking the current session logs out this client', async () => {
    const deps = makeDeps(db())
    const { client } = await createMember(deps)
    const token = client.token

    await (await client.api()).auth.revokeSession({ sessionId: sessionIdOf(token) })

    expect(client.token).toBeNull()
    expect(await tokenWorks(deps, token)).toBe(false)
  })

  test("someone else's session id is 'not found', and that session keeps working", async () => {
    const deps = makeDeps(db())
    const mallory = await createMember(deps, { firstName: 'Mallory' })
    const sanne = await createMember(deps, { firstName: 'Sanne' })

    await expectRefusal(
      (await mallory.client.api()).auth.revokeSession({ sessionId: sessionIdOf(sanne.client.token) }),
      'NOT_FOUND',
      'auth.sessionNotFound',
    )
    expect((await (await sanne.client.api()).auth.me())?.firstName).toBe('Sanne')
    // An id that does not exist at all gets the same answer.
    await expectRefusal((await mallory.client.api()).auth.revokeSession({ sessionId: 'bestaat-niet' }), 'NOT_FOUND', 'auth.sessionNotFound')
  })

  test('revokeOtherSessions ends every session but the current one', async () => {
    const deps = makeDeps(db())
    const { client: laptop, email } = await createMember(deps)
    const phone = new TestClient(deps, '198.51.100.5')
    const tablet = new TestClient(deps, '198.51.100.6')
    await (await phone.api()).auth.logIn({ email, password: PASSWORD })
    await (await tablet.api()).auth.logIn({ email, password: PASSWORD })
    const other = await createMember(deps, { firstName: 'Ander' })

    await expect((await laptop.api()).auth.revokeOtherSessions()).resolves.toEqual({ ok: true })

    expect(await tokenWorks(deps, phone.token)).toBe(false)
    expect(await tokenWorks(deps, tablet.token)).toBe(false)
    expect(await tokenWorks(deps, other.client.token)).toBe(true)
    const list = await (await laptop.api()).auth.sessions()
    expect(list.map((s) => s.id)).toEqual([sessionIdOf(laptop.token)])
  })

  test('anonymous callers cannot list or revoke sessions', async () => {
    const deps = makeDeps(db())
    const api = await new TestClient(deps).api()
    await expectRefusal(api.auth.sessions(), 'UNAUTHORIZED', 'error.unauthorized')
    await expectRefusal(api.auth.revokeOtherSessions(), 'UNAUTHORIZED', 'error.unauthorized')
  })
})
