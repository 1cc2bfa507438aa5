import type { IncomingMessage, ServerResponse } from 'node:http'

export interface RequestTimeouts {
  /** How long any request may take to arrive whole (headers and body). */
  defaultMs: number
  /** The same for admin uploads (`PUT /admin/uploads/…`): a video streams in for minutes. */
  uploadMs: number
}

/** Bodies are small (tRPC ≤ 100 kB, forms, webhooks): 30 s is generous on a slow phone line. */
export const DEFAULT_REQUEST_TIMEOUTS: RequestTimeouts = { defaultMs: 30_000, uploadMs: 60 * 60_000 }

/** Time to receive the request headers, for every route (Node's `server.headersTimeout`). */
export const HEADERS_TIMEOUT_MS = 20_000

export const isUploadRequest = (req: IncomingMessage): boolean => req.url?.startsWith('/admin/uploads/') === true

/**
 * Node's own `server.requestTimeout` is one number for the whole server; boot sets it to the upload
 * limit as a backstop, and this cuts every other request whose body has not arrived in time — a
 * slow-body client holds a connection for seconds, not an hour. Answers 408 when nothing was sent
 * yet, then closes the connection.
 */
export function armRequestTimeout(req: IncomingMessage, res: ServerResponse, ms: number): void {
  const timer = setTimeout(() => {
    if (req.complete) return
    if (res.headersSent) {
      req.socket.destroy()
      return
    }
    const body = JSON.stringify({ error: { message: 'error.timeout', data: { code: 'TIMEOUT', httpStatus: 408, key: 'error.timeout' } } })
    res.writeHead(408, { 'content-type': 'application/json', connection: 'close', 'content-length': Buffer.byteLength(body) })
    res.end(body, () => req.socket.destroy())
    // A client that does not read the answer either: gone anyway.
    setTimeout(() => req.socket.destroy(), 1_000).unref()
  }, ms)
  timer.unref()
  const clear = () => clearTimeout(timer)
  req.once('end', clear)
  res.once('close', clear)
}
