import { Router } from 'express'
import { getInvoiceForDownload } from '@jouwbot/api/checkout'
import type { AppDeps } from '@jouwbot/api'
import { AppError, isUuid } from '@jouwbot/shared'
import { sendError } from '../errors.ts'
import { sessionUser } from '../session-user.ts'

const INVOICE_FILE = /^(.+)\.pdf$/

/** GET /invoices/:id.pdf — the buyer's own invoices and credit notes (admins: any, audit-logged). */
export function invoiceRouter(deps: AppDeps): Router {
  const router = Router()
  router.get('/invoices/:file', async (req, res, next) => {
    const match = INVOICE_FILE.exec(req.params.file)
    if (!match || !isUuid(match[1])) return sendError(req, res, 404, 'invoice.notFound')
    try {
      const viewer = await sessionUser(deps, req)
      if (!viewer) return sendError(req, res, 401, 'error.unauthorized')
      const { filename, pdf } = await getInvoiceForDownload(deps, viewer, match[1]!)
      res
        .type('application/pdf')
        .set('Content-Disposition', `attachment; filename="${filename}"`)
        .set('Cache-Control', 'private, no-store')
        .send(Buffer.from(pdf))
    } catch (error) {
      if (error instanceof AppError) return sendError(req, res, 404, error.key)
      next(error)
    }
  })
  return router
}
