import express, { Router, type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express'
import type { AppDeps } from '@jouwbot/api'
import { COACH_PHOTO_MAX_BYTES, findCoachPhoto, uploadCoachPhoto } from '@jouwbot/api/coaching'
import { AppError } from '@jouwbot/shared'
import { sendError } from '../errors.ts'
import { sessionUser } from '../session-user.ts'

const statusOf: Partial<Record<AppError['code'], number>> = { UNSUPPORTED_MEDIA_TYPE: 415, BAD_REQUEST: 400, PAYLOAD_TOO_LARGE: 413, NOT_FOUND: 404 }

/**
 * POST /coaching/coach-photo — a coach (2FA, like every /coach page) uploads their photo as the raw
 * request body; it is stored as a 400×400 WebP without EXIF and the answer names its URL. The CSRF
 * guard applies. Too large or not an image: 413 / 415 with a key the profile page shows.
 * GET /coaching/fotos/<coachId>/photo-<uuid>.webp — the photo the profile points at now (public:
 * shown on the coaches list and the coach's page); a replaced or removed photo is a 404.
 */
export function coachPhotoRouter(deps: AppDeps): Router {
  const router = Router()
  const coachOnly = async (req: Request, res: Response, next: NextFunction) => {
    const user = await sessionUser(deps, req)
    if (!user || (user.role !== 'coach' && user.role !== 'admin')) return sendError(req, res, 403, 'error.forbidden')
    if (!user.totpEnabledAt) return sendError(req, res, 403, 'privacy.staffTwoFactorRequired')
    res.locals.coachId = user.id
    next()
  }
  const body = express.raw({ type: () => true, limit: COACH_PHOTO_MAX_BYTES })
  // body-parser's own refusal of a too large body, in the photo's words.
  const tooLarge: ErrorRequestHandler = (error, req, res, next) => {
    if ((error as { type?: string }).type === 'entity.too.large') return sendError(req, res, 413, 'coaching.photoTooLarge')
    next(error)
  }

  router.post('/coaching/coach-photo', coachOnly, body, tooLarge, async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) return sendError(req, res, 415, 'coaching.photoNotAnImage')
      res.status(201).json(await uploadCoachPhoto(deps, { coachId: String(res.locals.coachId), bytes: req.body }))
    } catch (error) {
      const status = error instanceof AppError ? statusOf[error.code] : undefined
      if (status) return sendError(req, res, status, (error as AppError).key)
      next(error)
    }
  })

  router.get('/coaching/fotos/:coachId/:file', async (req, res, next) => {
    try {
      const key = await findCoachPhoto(deps, { coachId: String(req.params.coachId), file: String(req.params.file) })
      const stat = key ? await deps.storage.stat(key) : null
      if (!key || !stat) return sendError(req, res, 404, 'error.notFound')
      // A new photo gets a new name; a day's caching keeps a removed one from lingering long.
      res.type('image/webp').set('Content-Length', String(stat.size)).set('Cache-Control', 'public, max-age=86400')
      const stream = await deps.storage.read(key)
      stream.on('error', next)
      stream.pipe(res)
    } catch (error) {
      next(error)
    }
  })
  return router
}
