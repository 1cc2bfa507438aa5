import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

// A slow-body client (headers sent, the body a byte at a time or never) must not hold a connection
// for the upload route's hour on every route. Small limits here; boot uses DEFAULT_REQUEST_TIMEOUTS.
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ webDist: null, parts: { requestTimeouts: { defaultMs: 300, uploadMs: 60_000 } } })
})
afterAll(async () => {
  await server?.close()
})

/** Sends the head of a request promising `length` bytes of body, and 10 of them. */
function slowBody(method: string, path: string, length: number): { socket: Socket; closed: Promise<string> } {
  const { port } = new URL(server.url)
  const socket = connect(Number(port), '127.0.0.1')
  let received = ''
  socket.on('data', (chunk) => (received += chunk.toString('latin1')))
  socket.on('error', () => {})
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)))
  socket.write(
    `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Sec-Fetch-Site: same-origin\r\nContent-Length: ${length}\r\n\r\n{"json":{"`,
  )
  return { socket, closed }
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms))])

describe('request timeouts', () => {
  test('a tRPC request whose body never arrives gets 408 and its connection closed', async () => {
    const { socket, closed } = slowBody('POST', '/trpc/auth.logIn', 5000)
    const answer = await within(closed, 15_000)
    socket.destroy()
    expect(answer).not.toBe('still open')
    expect(answer).toMatch(/^HTTP\/1\.1 408 /)
    expect(answer).toContain('error.timeout')
  })

  test('an upload body may take longer than the default', async () => {
    const { socket, closed } = slowBody('PUT', '/admin/uploads/lessons/00000000-0000-4000-8000-000000000000/video', 5_000_000)
    // Well past the 300 ms default, the upload's connection is still open (its limit is a minute).
    expect(await within(closed, 2_000)).toBe('still open')
    socket.destroy()
  })
})
