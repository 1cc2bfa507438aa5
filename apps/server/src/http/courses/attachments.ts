import { Router } from 'express'
import { authorizeAttachment } from '@jouwbot/api/courses'
import type { AppDeps } from '@jouwbot/api'
import { sendError } from '../errors.ts'
import { sessionUser } from '../session-user.ts'

/**
 * GET /attachments/lessons/:lessonId/:fileName — a lesson's download, for whoever may open the
 * lesson (session cookie; free previews for everyone). Checked on every request.
 */
export function attachmentRouter(deps: AppDeps): Router {
  const { storage } = deps
  const router = Router()
  router.get('/attachments/lessons/:lessonId/:fileName', async (req, res, next) => {
    try {
      const { lessonId, fileName } = req.params
      if (!/^[0-9a-f-]{36}$/.test(lessonId)) return sendError(req, res, 404, 'error.notFound')
      const access = await authorizeAttachment(deps, await sessionUser(deps, req), lessonId, fileName)
      if (access.status === 'notFound') return sendError(req, res, 404, 'error.notFound')
      if (access.status === 'forbidden') return sendError(req, res, 403, 'course.locked')
      const object = await storage.stat(access.key)
      if (!object) return sendError(req, res, 404, 'error.notFound')
      res.set({
        'Content-Type': object.contentType,
        'Content-Length': String(object.size),
        'Content-Disposition': `attachment; filename="${access.fileName.replace(/[^\w.-]/g, '_')}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      })
      ;(await storage.read(access.key)).pipe(res)
    } catch (error) {
      next(error)
    }
  })
  return router
}
