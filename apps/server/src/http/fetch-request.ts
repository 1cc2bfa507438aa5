import type { IncomingMessage, ServerResponse } from 'node:http'
import { TRPCError } from '@trpc/server'
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http'

/**
 * The Fetch `Request` that tRPC's `resolveResponse` reads, from a Node request: what
 * `incomingMessageToRequest` makes, except for a JSON body (every tRPC POST: app.ts refuses other
 * types). tRPC reads that body with `text()`; giving it to `Request` as a web stream bridged from
 * the socket cost about 100 µs of CPU per mutation (undici's body machinery; bench:cpu, the
 * progress save). Here it is read as a plain string, with the same size limit and the same
 * PAYLOAD_TOO_LARGE error, and handed to tRPC by `text()`; the abort signal is the same too. Anything else (GET, other types) goes
 * through tRPC's own conversion unchanged.
 */
export function toFetchRequest(req: IncomingMessage, res: ServerResponse, opts: { maxBodySize: number }): Request {
  const plain = req.method === 'GET' || req.method === 'HEAD' || !isJson(req.headers['content-type'])
  // A body some middleware already read (`req.body`) is tRPC's case too.
  if (plain || req.readableEnded) return incomingMessageToRequest(req, res, opts)
  const controller = new AbortController()
  const onAbort = () => {
    res.off('close', onClose)
    req.off('aborted', onAbort)
    controller.abort()
  }
  const onClose = () => {
    if (res.writableEnded) req.off('aborted', onAbort)
    else onAbort()
  }
  res.once('close', onClose)
  req.once('aborted', onAbort)
  return new ReadBodyRequest(requestUrl(req), { method: req.method!, headers: requestHeaders(req) }, readText(req, opts.maxBodySize), controller.signal)
}

/**
 * A request whose body is already being read as text, and is only ever asked for as text (or JSON).
 * Its `signal` is the client's own: given to `Request`, undici would make a second one following it
 * (listeners, a weak reference, a finalisation registry), about 50 µs per request.
 */
class ReadBodyRequest extends Request {
  readonly #text: Promise<string>
  constructor(url: URL, init: RequestInit, text: Promise<string>, signal: AbortSignal) {
    super(url, init)
    this.#text = text
    Object.defineProperty(this, 'signal', { value: signal, enumerable: true })
  }
  override text(): Promise<string> {
    return this.#text
  }
  override async json(): Promise<unknown> {
    return JSON.parse(await this.#text)
  }
}

/** As tRPC's JSON handler matches it: the media type, case-insensitive, without parameters. */
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json'
}

function readText(req: IncomingMessage, maxBytes: number): Promise<string> {
  const text = new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('close', onClose)
      req.off('error', onClose)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) return void chunks.push(chunk)
      done()
      reject(new TRPCError({ code: 'PAYLOAD_TOO_LARGE' }))
      req.resume() // the rest is read and dropped, as before
    }
    const onEnd = () => {
      done()
      resolve(chunks.length === 1 ? chunks[0]!.toString() : Buffer.concat(chunks).toString())
    }
    // The client went away before the end: nothing to answer, but nobody waits forever.
    const onClose = () => {
      done()
      reject(new TRPCError({ code: 'CLIENT_CLOSED_REQUEST' }))
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('close', onClose)
    req.on('error', onClose)
  })
  // A call that fails before reading its input (unknown procedure, no session) never asks for it.
  text.catch(() => {})
  return text
}

/** The full URL, as tRPC builds it (its `createURL` is not exported). */
function requestUrl(req: IncomingMessage): URL {
  const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true
  try {
    return new URL(req.url ?? '/', `${encrypted ? 'https:' : 'http:'}//${req.headers.host ?? 'localhost'}`)
  } catch (cause) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid URL', cause })
  }
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':')) continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.append(name, value)
  }
  return headers
}
