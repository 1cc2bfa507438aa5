import { Writable } from 'node:stream'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PASSWORD, uniqueEmail } from '../helpers/accounts.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

// The policy: "we do not use your IP address to follow you"; the registry: "our logs hold no IP
// addresses". Every line the server logs at the most verbose level is checked for the caller's address.
const lines: string[] = []
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString())
    done()
  },
})
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ webDist: null, parts: { logger: pino({ level: 'trace' }, sink), trustProxy: 1 } })
})
afterAll(async () => {
  await server.close()
})

describe('logs', () => {
  test('hold no IP address, neither the proxy’s nor the visitor’s', async () => {
    const visitorIp = '203.0.113.199'
    const headers = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', 'x-forwarded-for': visitorIp }
    const json = (body: unknown) => JSON.stringify({ json: body })
    await fetch(`${server.url}/trpc/auth.signUp`, { method: 'POST', headers, body: json({ email: uniqueEmail('log'), password: PASSWORD, firstName: 'Eva', lastName: 'Jansen' }) })
    await fetch(`${server.url}/trpc/auth.logIn`, { method: 'POST', headers, body: json({ email: 'nobody@example.nl', password: 'wrong-password-1' }) })
    await fetch(`${server.url}/trpc/auth.logIn`, { method: 'POST', headers, body: '{not json' })
    await fetch(`${server.url}/healthz`, { headers })
    await fetch(`${server.url}/does-not-exist`, { headers })

    // The requests were logged (so the check below can fail), and no line names an address.
    expect(lines.filter((l) => l.includes('"req"')).length).toBeGreaterThanOrEqual(5)
    const all = lines.join('')
    expect(all).not.toContain(visitorIp)
    expect(all).not.toContain('127.0.0.1')
    expect(all).not.toMatch(/remoteAddress|x-forwarded-for/i)
  })
})
