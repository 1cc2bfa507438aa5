import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PASSWORD, uniqueEmail } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { expectRefusal } from '../helpers/flows.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

// The dev mailbox shows password-reset links: whoever reads it can take over any account. It
// answers only when switched on and only to a connection from this machine itself.
let server: TestServer
let email: string

beforeAll(async () => {
  server = await startTestServer({ webDist: null })
  email = uniqueEmail('postbus')
  await (await new TestClient(server.deps).api()).auth.signUp({ email, password: PASSWORD, firstName: 'Eva', lastName: 'Jansen' })
})
afterAll(async () => {
  await server?.close()
})

const list = (headers: Record<string, string> = {}) => fetch(`${server.url}/trpc/devMailbox.list`, { headers })
const keyOf = async (res: Response) => ((await res.json()) as { error: { json: { data: { key: string } } } }).error.json.data.key

describe('the dev mailbox', () => {
  test('answers a browser on this machine (loopback peer) with the mails', async () => {
    const res = await list()
    expect(res.status).toBe(200)
    const body = (await res.json()) as { result: { data: { json: { to: string }[] } } }
    expect(body.result.data.json.map((mail) => mail.to)).toContain(email)
  })

  test('refuses a request a proxy passed on, whatever address the headers claim', async () => {
    const spoofs: Record<string, string>[] = [{ 'x-forwarded-for': '203.0.113.9' }, { 'x-forwarded-for': '127.0.0.1' }, { forwarded: 'for=127.0.0.1' }, { 'x-real-ip': '127.0.0.1' }]
    for (const headers of spoofs) {
      const res = await list(headers)
      expect(res.status, JSON.stringify(headers)).toBe(404)
      expect(await keyOf(res)).toBe('devMailbox.disabled')
    }
  })

  test('refuses a caller that is not on this machine, and everyone when it is off', async () => {
    const remote = new TestClient(server.deps, '203.0.113.9')
    await expectRefusal((await remote.api()).devMailbox.list(), 'NOT_FOUND', 'devMailbox.disabled')

    const local = new TestClient(server.deps, '127.0.0.1')
    local.local = true
    expect((await (await local.api()).devMailbox.list()).map((mail) => mail.to)).toContain(email)

    const off = new TestClient(makeDeps(server.handle, { devMailbox: false }), '127.0.0.1')
    off.local = true
    await expectRefusal((await off.api()).devMailbox.list(), 'NOT_FOUND', 'devMailbox.disabled')
  })
})
