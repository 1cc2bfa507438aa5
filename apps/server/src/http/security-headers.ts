import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler } from 'express'
import helmet, { type HelmetOptions } from 'helmet'

/**
 * helmet's headers, worked out once: helmet is run a single time against a recording response,
 * and every request then gets the same list of headers set. With fixed options (no per-request
 * nonce functions) helmet's answer never depends on the request, so the protections are the
 * same; only the per-request work of assembling them (the CSP string among it) is gone.
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const headers: [string, string][] = []
  const recorder = {
    setHeader(name: string, value: string) {
      headers.push([name, value])
      return recorder
    },
    removeHeader() {},
  }
  let called = false
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error
    called = true
  })
  // helmet answers synchronously; if a version ever did not, the list above would be incomplete.
  if (!called) throw new Error('helmet did not finish synchronously')
  return (_req, res, next) => {
    res.removeHeader('X-Powered-By')
    for (const [name, value] of headers) res.setHeader(name, value)
    next()
  }
}
