import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from 'pino'

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: { message: 'error.notFound', data: { code: 'NOT_FOUND', key: 'error.notFound' } } })
}

/** Last resort: log everything, send nothing but a generic key and the request id. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500
    if (status >= 500) logger.error({ err: error, requestId: req.id }, 'unhandled error')
    if (res.headersSent) return
    const key = status === 413 ? 'error.payloadTooLarge' : status < 500 ? 'error.invalidInput' : 'error.generic'
    res.status(status).json({ error: { message: key, data: { key, requestId: req.id } } })
  }
}
