import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express'
import type { Logger } from 'pino'

/** tRPC's error code and JSON-RPC number per HTTP status (tRPC v11's own table, `TRPC_ERROR_CODES_BY_KEY`). */
const codeOf: Record<number, [string, number]> = {
  400: ['BAD_REQUEST', -32600],
  401: ['UNAUTHORIZED', -32001],
  403: ['FORBIDDEN', -32003],
  404: ['NOT_FOUND', -32004],
  405: ['METHOD_NOT_SUPPORTED', -32005],
  408: ['TIMEOUT', -32008],
  409: ['CONFLICT', -32009],
  413: ['PAYLOAD_TOO_LARGE', -32013],
  415: ['UNSUPPORTED_MEDIA_TYPE', -32015],
  422: ['UNPROCESSABLE_CONTENT', -32022],
  429: ['TOO_MANY_REQUESTS', -32029],
  500: ['INTERNAL_SERVER_ERROR', -32603],
  503: ['SERVICE_UNAVAILABLE', -32603],
}
/** A status without its own entry: a client error is a bad request, never an internal one. */
const codeFor = (status: number): [string, number] => codeOf[status] ?? (status < 500 ? codeOf[400]! : codeOf[500]!)

/**
 * An error answered by Express itself (before tRPC runs). Under /trpc it takes tRPC's own error
 * envelope (superjson-wrapped), so the browser's tRPC client reads the key like any other error.
 */
export function sendError(req: Request, res: Response, status: number, key: string): void {
  const [code, jsonRpc] = codeFor(status)
  const data = { code, httpStatus: status, key, requestId: req.id === undefined ? undefined : String(req.id) }
  if (req.originalUrl.startsWith('/trpc')) {
    res.status(status).json({ error: { json: { message: key, code: jsonRpc, data } } })
  } else {
    res.status(status).json({ error: { message: key, data } })
  }
}

export const notFound: RequestHandler = (req, res) => sendError(req, res, 404, 'error.notFound')

/** Last resort: log everything, send nothing but a generic key and the request id. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500
    if (status >= 500) logger.error({ err: error, requestId: req.id }, 'unhandled error')
    if (res.headersSent) return
    const key = status === 413 ? 'error.payloadTooLarge' : status < 500 ? 'error.invalidInput' : 'error.generic'
    sendError(req, res, status, key)
  }
}
