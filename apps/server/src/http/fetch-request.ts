import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { TRPCError } from '@trpc/server'
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http'

/**
 * The Fetch `Request` that tRPC's `resolveResponse` reads, from a Node request. For a GET (every
 * query) and a JSON body (every tRPC POST: app.ts refuses other types) it is a `NodeRequest`: the
 * few members tRPC reads (`method`, `url`, `headers.get`/`has`, `signal`, `text()`), answered from
 * the Node request itself. undici's `Request` (what `incomingMessageToRequest` makes) cost a copy
 * of every header into a `Headers`, a second abort signal following the client's (listeners, a weak
 * reference, a finalisation registry) and, for a body, a web stream bridged from the socket:
 * about 100 µs of CPU per mutation and a measurable share of an empty query (bench:cpu). A JSON
 * body is read as a plain string, with the same size limit and the same PAYLOAD_TOO_LARGE error;
 * the abort signal is the same one signal, aborted when the client goes away. Anything else
 * (form data, other types, a body some middleware already read) goes through tRPC's own
 * conversion unchanged.
 */
export function toFetchRequest(req: IncomingMessage, res: ServerResponse, opts: { maxBodySize: number }): Request {
  const bodyless = req.method === 'GET' || req.method === 'HEAD'
  // A body some middleware already read (`req.body`) is tRPC's case too.
  if (!bodyless && (!isJson(req.headers['content-type']) || req.readableEnded)) return incomingMessageToRequest(req, res, opts)
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
  const text = bodyless ? EMPTY_TEXT : readText(req, opts.maxBodySize)
  return new NodeRequest(req, requestUrl(req).href, text, controller.signal) as unknown as Request
}

const EMPTY_TEXT = Promise.resolve('')

/**
 * The part of a Fetch `Request` that tRPC's `resolveResponse` and its JSON handler read (checked
 * against @trpc/server 11: `method`, `url`, `headers.get`/`has`, `signal`, `text()`), answered
 * from the Node request. Its body is already being read as text (or is empty) and is only ever
 * asked for as text or JSON; it is never a stream (`body` is null).
 */
class NodeRequest {
  readonly method: string
  readonly url: string
  readonly headers: NodeRequestHeaders
  readonly signal: AbortSignal
  readonly body = null
  readonly bodyUsed = false
  readonly #text: Promise<string>
  constructor(req: IncomingMessage, url: string, text: Promise<string>, signal: AbortSignal) {
    this.method = req.method!
    this.url = url
    this.headers = new NodeRequestHeaders(req.headers)
    this.signal = signal
    this.#text = text
  }
  text(): Promise<string> {
    return this.#text
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.#text)
  }
  formData(): Promise<FormData> {
    return Promise.reject(new TypeError('a JSON or bodyless request has no form data'))
  }
}

/**
 * Read-only `Headers` over Node's parsed headers (names already lower case; repeated headers
 * joined as Node joins them). Pseudo-headers (`:path`, HTTP/2) are left out, as tRPC's own copy does.
 */
class NodeRequestHeaders {
  readonly #headers: IncomingHttpHeaders
  constructor(headers: IncomingHttpHeaders) {
    this.#headers = headers
  }
  get(name: string): string | null {
    const key = name.toLowerCase()
    if (key.startsWith(':')) return null
    const value = this.#headers[key]
    if (value === undefined) return null
    return Array.isArray(value) ? value.join(', ') : value
  }
  has(name: string): boolean {
    return this.get(name) !== null
  }
  getSetCookie(): string[] {
    return [...(this.#headers['set-cookie'] ?? [])]
  }
  forEach(callback: (value: string, name: string, headers: this) => void): void {
    for (const [name, value] of this.entries()) callback(value, name, this)
  }
  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.#headers).sort()) {
      const value = this.get(name)
      if (value !== null) yield [name, value]
    }
  }
  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name
  }
  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries()
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
