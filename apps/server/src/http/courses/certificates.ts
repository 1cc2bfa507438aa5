import { Router } from 'express'
import { verifyCertificate } from '@jouwbot/api/courses'
import type { AppDeps } from '@jouwbot/api'
import { renderCertificatePdf } from '@jouwbot/pdf'
import { AppError } from '@jouwbot/shared'
import { sendError } from '../errors.ts'

/** GET /certificates/:code.pdf — public, like the verification page: the code is the proof. */
export function certificateRouter(deps: AppDeps): Router {
  const router = Router()
  router.get('/certificates/:file', async (req, res, next) => {
    const match = /^([a-z2-7]{16})\.pdf$/.exec(req.params.file)
    if (!match) return sendError(req, res, 404, 'certificate.notFound')
    try {
      const certificate = await verifyCertificate(deps, match[1]!)
      const pdf = await renderCertificatePdf({ ...certificate, verifyUrl: certificate.url, issuer: deps.seller })
      res
        .type('application/pdf')
        .set('Content-Disposition', `inline; filename="certificaat-${certificate.courseSlug}.pdf"`)
        .set('Cache-Control', 'private, max-age=300')
        .send(Buffer.from(pdf))
    } catch (error) {
      if (error instanceof AppError) return sendError(req, res, 404, error.key)
      next(error)
    }
  })
  return router
}
