import type { RequestHandler } from 'express'
import { sendError } from './errors.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Cross-site request forgery guard for every state-changing request. tRPC accepts
 * multipart/form-data, so without this a plain HTML form on another site could call a mutation
 * with the member's cookie. A browser request passes when it says it is same-origin
 * (Sec-Fetch-Site) or carries our exact Origin; anything else gets 403.
 */
export function csrfGuard(appOrigin: string): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const site = req.get('sec-fetch-site')
    const origin = req.get('origin')
    if (site === 'same-origin' || origin === appOrigin) return next()
    sendError(req, res, 403, 'error.csrf')
  }
}
