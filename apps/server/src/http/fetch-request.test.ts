import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { TRPCError } from '@trpc/server'
import { afterEach, describe, expect, test } from 'vitest'
import { toFetchRequest } from './fetch-request.ts'

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = undefined
})

/** A loopback server handing each converted request (with its Node pair) to `seen`. */
async function serve(seen: (request: Request, req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
  server = createServer((req, res) => seen(toFetchRequest(req, res, { maxBodySize: 16 }), req, res))
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

/** Sends a POST whose body goes out in these pieces; `abort` ends the connection after them instead. */
function post(port: number, contentType: string, pieces: Buffer[], abort = false) {
  const client = httpRequest({ port, host: '127.0.0.1', method: 'POST', path: '/trpc/a.b?x=1', headers: { 'content-type': contentType, 'x-extra': 'ja' } })
  client.on('error', () => {})
  for (const piece of pieces) client.write(piece)
  if (abort) setTimeout(() => client.destroy(), 50)
  else client.end()
}

describe('toFetchRequest: the Request tRPC reads', () => {
  test('a JSON body is read as text (not a web stream), a character split over two packets intact; URL, method and headers as sent', async () => {
    const got = new Promise<{ request: Request; text: string }>((resolve) => {
      void serve(async (request, _req, res) => {
        resolve({ request, text: await request.text() })
        res.end()
      }).then((port) => {
        const euro = Buffer.from('"€"') // three bytes for €: split in the middle
        post(port, 'Application/JSON; charset=utf-8', [euro.subarray(0, 2), euro.subarray(2)])
      })
    })
    const { request, text } = await got
    expect(text).toBe('"€"')
    expect(request.body).toBeNull()
    expect(request.method).toBe('POST')
    expect(new URL(request.url).pathname + new URL(request.url).search).toBe('/trpc/a.b?x=1')
    expect(request.headers.get('x-extra')).toBe('ja')
    expect(request.signal.aborted).toBe(false)
  })

  test('a body over the limit is refused with PAYLOAD_TOO_LARGE', async () => {
    const got = new Promise<unknown>((resolve) => {
      void serve((request, _req, res) => {
        request.text().then(resolve, resolve)
        res.end()
      }).then((port) => post(port, 'application/json', [Buffer.from('"0123456789"'), Buffer.from('"0123456789"')]))
    })
    const error = await got
    expect(error).toBeInstanceOf(TRPCError)
    expect((error as TRPCError).code).toBe('PAYLOAD_TOO_LARGE')
  })

  test('a client that goes away mid-body: the read fails and the signal aborts (nothing waits forever)', async () => {
    const got = new Promise<{ error: unknown; aborted: boolean }>((resolve) => {
      void serve((request) => {
        request.text().then(
          () => resolve({ error: null, aborted: request.signal.aborted }),
          (error: unknown) => setImmediate(() => resolve({ error, aborted: request.signal.aborted })),
        )
      }).then((port) => post(port, 'application/json', [Buffer.from('{"a":')], true))
    })
    const { error, aborted } = await got
    expect((error as TRPCError).code).toBe('CLIENT_CLOSED_REQUEST')
    expect(aborted).toBe(true)
  })

  test('any other type is converted by tRPC as before (a streamed body)', async () => {
    const got = new Promise<{ request: Request; text: string }>((resolve) => {
      void serve(async (request, _req, res) => {
        resolve({ request, text: await request.text() })
        res.end()
      }).then((port) => post(port, 'text/plain', [Buffer.from('hallo')]))
    })
    const { request, text } = await got
    expect(request.body).not.toBeNull()
    expect(text).toBe('hallo')
  })
})

describe('toFetchRequest: a query (GET)', () => {
  test('answered from the Node request, not copied into an undici Request: URL, method, headers, an empty body', async () => {
    const got = new Promise<{ request: Request; text: string }>((resolve) => {
      void serve(async (request, _req, res) => {
        resolve({ request, text: await request.text() })
        res.end()
      }).then((port) => {
        const client = httpRequest({ port, host: '127.0.0.1', path: '/trpc/a.b?input=%7B%7D', headers: { 'X-Extra': 'ja', accept: 'application/json' } })
        client.on('error', () => {})
        client.end()
      })
    })
    const { request, text } = await got
    expect(request).not.toBeInstanceOf(Request)
    expect(request.method).toBe('GET')
    expect(new URL(request.url).pathname + new URL(request.url).search).toBe('/trpc/a.b?input=%7B%7D')
    expect(request.headers.get('x-extra')).toBe('ja')
    expect(request.headers.get('X-EXTRA')).toBe('ja')
    expect(request.headers.has('accept')).toBe(true)
    expect(request.headers.get('content-type')).toBeNull()
    expect(request.headers.has('content-type')).toBe(false)
    expect(text).toBe('')
    expect(request.body).toBeNull()
    expect(request.signal.aborted).toBe(false)
  })

  test('a client that goes away before the answer: the signal aborts', async () => {
    const aborted = new Promise<boolean>((resolve) => {
      void serve((request) => {
        request.signal.addEventListener('abort', () => resolve(true))
      }).then((port) => {
        const client = httpRequest({ port, host: '127.0.0.1', path: '/trpc/a.b' })
        client.on('error', () => {})
        client.end()
        setTimeout(() => client.destroy(), 50)
      })
    })
    expect(await aborted).toBe(true)
  })

  test('an answer sent in full leaves the signal alone', async () => {
    const state = new Promise<boolean>((resolve) => {
      void serve((request, _req, res) => {
        res.end('ok', () => setTimeout(() => resolve(request.signal.aborted), 50))
      }).then((port) => {
        const client = httpRequest({ port, host: '127.0.0.1', path: '/trpc/a.b' }, (response) => {
          response.resume()
          response.on('end', () => setTimeout(() => client.destroy(), 10))
        })
        client.on('error', () => {})
        client.end()
      })
    })
    expect(await state).toBe(false)
  })
})
