import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express'
import type { Logger } from 'pino'

const jsonRpcCode: Record<number, number> = { 400: -32600, 403: -32003, 404: -32004, 413: -32013, 415: -32015, 500: -32603 }
const trpcCode: Record<number, string> = {
  400: 'BAD_REQUEST',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  500: 'INTERNAL_SERVER_ERROR',
}

/**
 * An error answered by Express itself (before tRPC runs). Under /trpc it takes tRPC's own error
 * envelope (superjson-wrapped), so the browser's tRPC client reads the key like any other error.
 */
export function sendError(req: Request, res: Response, status: number, key: string): void {
  const data = { code: trpcCode[status] ?? 'INTERNAL_SERVER_ERROR', httpStatus: status, key, requestId: req.id === undefined ? undefined : String(req.id) }
  if (req.originalUrl.startsWith('/trpc')) {
    res.status(status).json({ error: { json: { message: key, code: jsonRpcCode[status] ?? -32603, data } } })
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
