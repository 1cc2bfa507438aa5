import { Router } from 'express'
import type { AppDeps } from '@jouwbot/api'
import { authorizeExportDownload } from '@jouwbot/api/privacy'
import { AppError, isUuid } from '@jouwbot/shared'
import { sendError } from '../errors.ts'
import { sessionUser } from '../session-user.ts'

/**
 * GET /privacy/exports/:id/download?e=…&s=… — the member's own archive: the signed link (handed out
 * in sudo mode, valid minutes) AND that member's session; anyone else gets 404.
 */
export function privacyExportRouter(deps: AppDeps): Router {
  const router = Router()
  router.get('/privacy/exports/:id/download', async (req, res, next) => {
    const exportId = String(req.params.id)
    if (!isUuid(exportId)) return sendError(req, res, 404, 'privacy.exportNotFound')
    try {
      const viewer = await sessionUser(deps, req)
      const { key, filename } = await authorizeExportDownload(deps, {
        viewer,
        exportId,
        expires: Number(req.query.e),
        signature: typeof req.query.s === 'string' ? req.query.s : '',
      })
      const stat = await deps.storage.stat(key)
      if (!stat) return sendError(req, res, 404, 'privacy.exportNotFound')
      res
        .type('application/zip')
        .set('Content-Length', String(stat.size))
        .set('Content-Disposition', `attachment; filename="${filename}"`)
        .set('Cache-Control', 'private, no-store')
      const body = await deps.storage.read(key)
      body.on('error', next)
      body.pipe(res)
    } catch (error) {
      if (error instanceof AppError) return sendError(req, res, 404, error.key)
      next(error)
    }
  })
  return router
}
