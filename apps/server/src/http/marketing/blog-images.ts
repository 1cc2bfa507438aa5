import express, { Router, type NextFunction, type Request, type Response } from 'express'
import type { AppDeps } from '@jouwbot/api'
import { BLOG_IMAGE_MAX_BYTES, BLOG_IMAGE_PREFIX, blogImageName, uploadBlogImage } from '@jouwbot/api/marketing/blog'
import { AppError } from '@jouwbot/shared'
import { sendError } from '../errors.ts'
import { sessionUser } from '../session-user.ts'

const statusOf: Partial<Record<AppError['code'], number>> = { UNSUPPORTED_MEDIA_TYPE: 415, BAD_REQUEST: 400, PAYLOAD_TOO_LARGE: 413 }

/**
 * POST /admin/blog/images — an admin (2FA) uploads a post image as the raw request body; the answer
 * names the stored WebP (EXIF stripped, resized; an AVIF twin beside it). The CSRF guard applies.
 * GET /blog/images/<uuid>.webp — the stored image, AVIF to browsers that accept it, cached a year.
 */
export function blogImagesRouter(deps: AppDeps): Router {
  const router = Router()
  const staffOnly = async (req: Request, res: Response, next: NextFunction) => {
    const user = await sessionUser(deps, req)
    if (!user || user.role !== 'admin') return sendError(req, res, 403, 'error.forbidden')
    if (!user.totpEnabledAt) return sendError(req, res, 403, 'privacy.staffTwoFactorRequired')
    next()
  }
  const body = express.raw({ type: () => true, limit: BLOG_IMAGE_MAX_BYTES })

  router.post('/admin/blog/images', staffOnly, body, async (req, res, next) => {
    try {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) return sendError(req, res, 415, 'error.unsupportedMediaType')
      res.status(201).json(await uploadBlogImage(deps, { bytes: req.body }))
    } catch (error) {
      const status = error instanceof AppError ? statusOf[error.code] : undefined
      if (status) return sendError(req, res, status, (error as AppError).key)
      next(error)
    }
  })

  router.get('/blog/images/:file', async (req, res, next) => {
    try {
      const file = String(req.params.file)
      if (!blogImageName.test(file)) return sendError(req, res, 404, 'error.notFound')
      const avif = file.endsWith('.webp') && (req.get('accept') ?? '').includes('image/avif') ? file.replace(/\.webp$/, '.avif') : null
      const key = `${BLOG_IMAGE_PREFIX}${avif ?? file}`
      const stat = await deps.storage.stat(key)
      if (!stat) return sendError(req, res, 404, 'error.notFound')
      res
        .type(key.endsWith('.avif') ? 'image/avif' : 'image/webp')
        .set('Content-Length', String(stat.size))
        .set('Cache-Control', 'public, max-age=31536000, immutable')
        .set('Vary', 'Accept')
      const stream = await deps.storage.read(key)
      stream.on('error', next)
      stream.pipe(res)
    } catch (error) {
      next(error)
    }
  })
  return router
}
