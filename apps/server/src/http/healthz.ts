import type { RequestHandler } from 'express'

/** `200 {"status":"ok","db":"ok"}`; 503 when the database does not answer within 2 s. */
export function healthz(pingDb: () => Promise<void>): RequestHandler {
  return async (_req, res) => {
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        pingDb(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), 2000)
        }),
      ])
      res.set('Cache-Control', 'no-store').json({ status: 'ok', db: 'ok' })
    } catch {
      res.status(503).set('Cache-Control', 'no-store').json({ status: 'error', db: 'unavailable' })
    } finally {
      clearTimeout(timer)
    }
  }
}
