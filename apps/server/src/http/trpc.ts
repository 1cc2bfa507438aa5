import { createHash, randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { Request, RequestHandler, Response } from 'express'
import type { AnyTRPCRouter } from '@trpc/server'
import { internal_exceptionHandler, type NodeHTTPCreateContextFn } from '@trpc/server/adapters/node-http'
import { resolveResponse, type HTTPErrorHandler, type ResponseMetaFn, type TRPCRequestInfo } from '@trpc/server/http'
import { appRouter, createContextInner, type AppDeps, type AppRouter, type Viewer } from '@jouwbot/api'
import { PreparedResult, PreparedResults } from '@jouwbot/api/prepared'
import { validateSessionToken } from '@jouwbot/auth'
import type { Logger } from 'pino'
import { readDeviceCookie, readSessionToken, sessionCookies } from './cookies.ts'
import { toFetchRequest } from './fetch-request.ts'
import { isLocalRequest } from './local-request.ts'

export const TRPC_MAX_BODY_BYTES = 100 * 1024
export const TRPC_MAX_BATCH_SIZE = 10

/**
 * tRPC over Express: context from the session cookie, errors logged with the request id.
 *
 * tRPC's own `resolveResponse` handles every request; this adapter differs from
 * `createExpressMiddleware` in how it reads a JSON body (`toFetchRequest`) and how it writes the
 * answer. A non-streamed answer is written in one piece with a Content-Length, and prepared results (see `PreparedResults` in
 * `@jouwbot/api/context`) are swapped in as the bytes their service produced. When every result
 * of a request is prepared, the answer carries an ETag built from theirs with
 * `Cache-Control: private, no-cache`, and a matching `If-None-Match` gets 304 before any of
 * those bytes is produced.
 */
export function trpcHandler(deps: AppDeps, logger: Logger, secureCookies: boolean): RequestHandler {
  const onError: HTTPErrorHandler<AppRouter, Request> = ({ error, path, ctx }) => {
    const expected = error.code !== 'INTERNAL_SERVER_ERROR'
    const fields = { requestId: ctx?.request.requestId, path, code: error.code }
    // An outside service (Mollie) failing is expected, but its cause belongs in the log.
    if (error.code === 'SERVICE_UNAVAILABLE') logger.warn({ ...fields, err: error.cause?.cause ?? error.cause }, 'trpc SERVICE_UNAVAILABLE')
    else if (expected) logger.info(fields, `trpc ${error.code}`)
    else logger.error({ ...fields, err: error.cause ?? error }, 'trpc internal error')
  }

  const createContext: NodeHTTPCreateContextFn<AppRouter, Request, Response> = async ({ req, res, info }) => {
    const cookies = sessionCookies(res, secureCookies)
    // The session is looked up when the first procedure asks (never, for `system.ping`), once per request.
    const loadViewer = async (): Promise<Viewer> => {
      const token = readSessionToken(req)
      if (!token) return { session: null, user: null }
      const validation = await validateSessionToken(deps.db, token, deps.clock.now())
      if (!validation) cookies.clear()
      else if (validation.renewed) cookies.set(token, validation.session.expiresAt)
      return { session: validation?.session ?? null, user: validation?.user ?? null }
    }
    const streamed = isStreamed(info)
    const ctx = createContextInner({
      deps,
      loadViewer,
      cookies,
      // Worked out when a procedure asks (log-in, rate limits, the dev mailbox): most never do,
      // and the proxy-aware address and the cookie parse were a measurable part of every call.
      request: {
        requestId: String(req.id ?? randomUUID()),
        get ip() {
          return req.ip ?? 'unknown'
        },
        userAgent: req.headers['user-agent'] ?? null,
        get local() {
          return isLocalRequest(req.socket.remoteAddress, req.headers)
        },
        get deviceCookie() {
          return readDeviceCookie(req)
        },
      },
      // Streamed answers (jsonl batches, subscriptions) are written as tRPC produces them.
      prepared: streamed ? null : new PreparedResults(),
    })
    // A streamed answer sends its headers before the procedures finish: a renewed or cleared
    // session cookie must be known before that.
    if (streamed) await ctx.viewer()
    return ctx
  }

  async function handle(req: Request, res: Response, path: string): Promise<void> {
    let prepared: PreparedResults | null = null
    let streamed = false
    const response = await resolveResponse({
      router: appRouter,
      req: toFetchRequest(req, res, { maxBodySize: TRPC_MAX_BODY_BYTES }),
      path,
      error: null,
      maxBatchSize: TRPC_MAX_BATCH_SIZE,
      async createContext({ info }) {
        streamed = isStreamed(info)
        const ctx = await createContext({ req, res, info })
        prepared = ctx.prepared
        return ctx
      },
      responseMeta: preparedResponseMeta,
      onError: (opts) => onError({ ...opts, req }),
    })

    res.statusCode = response.status
    // One pass over tRPC's headers (each pass sorts undici's list anew).
    let etag: string | null = null
    let setCookie = false
    for (const [key, value] of response.headers) {
      if (key === 'set-cookie') setCookie = true
      else res.setHeader(key, value)
      if (key === 'etag') etag = value
    }
    // The session cookie is appended to `res` directly; keep anything tRPC adds next to it.
    if (setCookie) for (const cookie of response.headers.getSetCookie()) res.append('Set-Cookie', cookie)

    if (!response.body) {
      res.end()
      return
    }
    if (streamed) {
      await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res).catch((error: unknown) => {
        // The client went away mid-stream: nothing left to answer.
        if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error
      })
      return
    }
    if (etag && response.status === 200 && ifNoneMatch(req.get('if-none-match'), etag)) {
      await response.body.cancel()
      res.removeHeader('content-type')
      res.statusCode = 304
      res.end()
      return
    }
    const items = (prepared as PreparedResults | null)?.items ?? []
    const text = await response.text()
    if (items.length === 0) {
      // Written with the headers in one string: one write, no Buffer made.
      res.setHeader('content-length', Buffer.byteLength(text))
      res.end(text)
      return
    }
    const chunks = splice(text, items)
    res.setHeader('content-length', chunks.reduce((sum, chunk) => sum + chunk.length, 0))
    // One write for headers and every chunk: no copy of the prepared bytes.
    res.cork()
    for (const chunk of chunks) res.write(chunk)
    res.end()
    res.uncork()
  }

  return (req, res) => {
    const path = req.path.slice(req.path.lastIndexOf('/') + 1)
    handle(req, res, path).catch(internal_exceptionHandler({ req, res, path, router: appRouter, createContext, onError }))
  }
}

function isStreamed(info: TRPCRequestInfo): boolean {
  return info.accept === 'application/jsonl' || info.type === 'subscription'
}

/**
 * When every result of the request is prepared with an ETag: an ETag from theirs (each already names its
 * viewer and data), and `private, no-cache` so the browser keeps the answer for itself and asks
 * with If-None-Match every time.
 */
const preparedResponseMeta: ResponseMetaFn<AnyTRPCRouter> = ({ data, info, eagerGeneration, errors }) => {
  if (eagerGeneration || errors.length > 0 || data.length === 0) return {}
  const etags: string[] = []
  for (const item of data) {
    if (!('result' in item) || !(item.result.data instanceof PreparedResult) || item.result.data.etag === null) return {}
    etags.push(item.result.data.etag.replaceAll('"', ''))
  }
  const combined = etags.length === 1 ? etags[0]! : createHash('sha256').update(etags.join(' ')).digest('base64url').slice(0, 27)
  return {
    headers: new Headers({
      etag: `"${info?.isBatchCall ? 'b.' : ''}${combined}"`,
      'cache-control': 'private, no-cache',
      vary: 'cookie',
    }),
  }
}

/** Weak comparison (RFC 9110 §13.1.2): a proxy that compresses may have made our tag weak. */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => opaque(tag) === opaque(etag))
}

/** The serialised answer in pieces, each prepared result's token replaced by its bytes. */
function splice(text: string, items: readonly PreparedResult[]): Buffer[] {
  // Batched calls finish (and add their results) in any order; the answer lists them in call order.
  const found = items
    .map((item) => ({ item, quoted: `"${item.token}"`, at: text.indexOf(`"${item.token}"`) }))
    // A prepared result that never reached the answer (a later middleware threw): nothing to swap.
    .filter(({ at }) => at !== -1)
    .sort((a, b) => a.at - b.at)
  const chunks: Buffer[] = []
  let from = 0
  for (const { item, quoted, at } of found) {
    chunks.push(Buffer.from(text.slice(from, at)), item.json())
    from = at + quoted.length
  }
  chunks.push(Buffer.from(text.slice(from)))
  return chunks
}
