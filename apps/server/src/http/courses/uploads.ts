import { Readable, PassThrough } from 'node:stream'
import { Router, type Request, type Response } from 'express'
import type { Logger } from 'pino'
import type { AppDeps } from '@jouwbot/api'
import { DEFAULT_UPLOAD_LIMITS, findLessonForUpload, storeLessonMedia, UPLOAD_KINDS, type LessonMediaKind } from '@jouwbot/api/courses'
import { AppError, isUuid } from '@jouwbot/shared'
import { sendError } from '../errors.ts'
import { sessionUser } from '../session-user.ts'

/**
 * Admin uploads of lesson media, as raw request bodies streamed straight into storage (never
 * buffered whole); what is stored and how is `storeLessonMedia` (courses/media):
 *  - `PUT /admin/uploads/lessons/:lessonId/video`    — an MP4 (must start with an `ftyp` box)
 *  - `PUT /admin/uploads/lessons/:lessonId/captions` — WebVTT (must start with `WEBVTT`, BOM allowed)
 *
 * Only an admin's session cookie is accepted (a half-finished 2FA login is nobody). Mount it after
 * the app's CSRF guard: a PUT then needs `Sec-Fetch-Site: same-origin` or our Origin.
 *
 * Answers `{ key, size, durationSeconds }`, or `{ error: { message: <i18n key> } }`:
 * 400 `upload.durationInvalid` (an MP4 claiming more than a day), 403 `error.forbidden`, 404 `lesson.notFound`, 413 `upload.tooLarge` (by Content-Length before
 * reading, or as soon as the stream passes the limit; nothing is left behind), 415 `upload.wrongType`.
 * After a refusal the rest of the body is read and dropped (bounded), so the client sees the answer.
 */
export interface UploadRouterOptions {
  deps: AppDeps
  /** Bytes per kind; defaults to `DEFAULT_UPLOAD_LIMITS`. */
  limits?: Partial<Record<LessonMediaKind, number>>
  /** After a new video is stored and the lesson points at it (e.g. queue the HLS job). Failures are logged only. */
  onVideoStored?: (lessonId: string) => void | Promise<void>
  /** Defaults to the request log's `req.log`. */
  logger?: Logger
}

const STATUS_OF: Partial<Record<AppError['code'], number>> = { BAD_REQUEST: 400, NOT_FOUND: 404, PAYLOAD_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415 }

export function uploadRouter(options: UploadRouterOptions): Router {
  const { deps } = options
  const limits = { ...DEFAULT_UPLOAD_LIMITS, ...options.limits }
  for (const limit of Object.values(limits)) {
    if (!Number.isSafeInteger(limit) || limit <= 0) throw new Error('upload limits must be positive integers (bytes)')
  }
  const loggerOf = (req: Request) => options.logger ?? (req as { log?: Logger }).log

  async function upload(kind: LessonMediaKind, req: Request, res: Response): Promise<void> {
    const maxBytes = limits[kind]
    const admin = await sessionUser(deps, req)
    if (!admin || admin.role !== 'admin') return refuse(req, res, 403, 'error.forbidden')
    // Staff work needs 2FA on, as for every staff procedure (privacy policy: controlled authorisations).
    if (!admin.totpEnabledAt) return refuse(req, res, 403, 'privacy.staffTwoFactorRequired')
    const lessonId = String(req.params.lessonId)
    if (!isUuid(lessonId)) return refuse(req, res, 404, 'lesson.notFound')
    const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length'])
    if (declared !== null && declared > maxBytes) return refuse(req, res, 413, 'upload.tooLarge')
    const lesson = await findLessonForUpload(deps, lessonId)
    if (!lesson) return refuse(req, res, 404, 'lesson.notFound')

    const { head, ended } = await peekHead(req, UPLOAD_KINDS[kind].headBytes)
    let stored
    try {
      stored = await storeLessonMedia(deps, {
        admin,
        lesson,
        kind,
        head,
        body: ended ? Readable.from([head]) : bodyOf(req),
        maxBytes,
        warn: (fields, message) => loggerOf(req)?.warn(fields, message),
      })
    } catch (error) {
      const status = error instanceof AppError ? STATUS_OF[error.code] : undefined
      if (status) return refuse(req, res, status, (error as AppError).key)
      throw error
    }
    if (kind === 'video' && options.onVideoStored) {
      try {
        await options.onVideoStored(lesson.id)
      } catch (error) {
        loggerOf(req)?.error({ err: error, lessonId: lesson.id }, 'onVideoStored failed')
      }
    }
    res.status(200).json(stored)
  }

  const router = Router()
  for (const kind of ['video', 'captions'] as const) {
    router.put(`/admin/uploads/lessons/:lessonId/${kind}`, async (req, res) => {
      try {
        await upload(kind, req, res)
      } catch (error) {
        if (req.destroyed && !req.complete) {
          loggerOf(req)?.info({ lessonId: req.params.lessonId }, 'upload aborted by the client')
          return
        }
        loggerOf(req)?.error({ err: error, requestId: req.id }, 'upload failed')
        if (res.headersSent) res.destroy()
        else refuse(req, res, 500, 'error.generic')
      }
    })
  }
  return router
}

/** After a refusal, the unread rest of the body is read and dropped for at most this long / this much. */
const DISCARD_MS = 10_000
const DISCARD_BYTES = 16 * 1024 * 1024

/** An error answer. A body not read to the end is drained (bounded) rather than cut off. */
function refuse(req: Request, res: Response, status: number, key: string): void {
  sendError(req, res, status, key)
  if (!req.complete) discardRest(req)
}

/**
 * Like nginx's lingering close: a client still sending when the answer goes out gets to finish (and
 * read the 413/415) instead of a reset — closing at once makes browsers and fetch report a network
 * error. Past `DISCARD_BYTES` or `DISCARD_MS` the connection is closed anyway. (The web client checks
 * the size before sending, so this is the fallback for clients that do not.)
 */
function discardRest(req: Request): void {
  let discarded = 0
  const cut = () => req.socket.destroy()
  const timer = setTimeout(cut, DISCARD_MS)
  timer.unref()
  req.unpipe()
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length
    if (discarded > DISCARD_BYTES) cut()
  })
  req.once('close', () => clearTimeout(timer))
  req.resume()
}

/**
 * The first `size` bytes of the body (fewer when it is shorter), put back so the body still starts
 * at byte 0. `ended`: the body was shorter than that and has been read completely (it is all in `head`).
 */
export function peekHead(stream: Readable, size: number): Promise<{ head: Buffer; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let length = 0
    const cleanup = () => {
      stream.off('readable', onReadable)
      stream.off('end', onEnd)
      stream.off('error', onError)
      stream.off('close', onClose)
    }
    const onReadable = () => {
      let chunk: Buffer | null
      while (length < size && (chunk = stream.read() as Buffer | null) !== null) {
        chunks.push(chunk)
        length += chunk.length
      }
      if (length < size) return
      cleanup()
      const all = Buffer.concat(chunks)
      stream.unshift(all)
      resolve({ head: all.subarray(0, size), ended: false })
    }
    const onEnd = () => {
      cleanup()
      resolve({ head: Buffer.concat(chunks), ended: true })
    }
    const onError = (error: Error) => {
      cleanup()
      reject(error)
    }
    const onClose = () => {
      cleanup()
      reject(new Error('the upload ended before its first bytes arrived'))
    }
    stream.on('readable', onReadable)
    stream.once('end', onEnd)
    stream.once('error', onError)
    stream.once('close', onClose)
  })
}

/**
 * The request body as a stream storage may destroy (past the limit) without destroying the request
 * itself — destroying an IncomingMessage kills the socket, and the client would never see our 413.
 * A client that goes away mid-upload fails the stream, so storage cleans up.
 */
function bodyOf(req: Request): PassThrough {
  const body = new PassThrough()
  const abort = () => {
    if (!req.complete) body.destroy(new Error('upload aborted'))
  }
  req.once('error', abort)
  req.once('close', abort)
  body.once('close', () => {
    req.off('error', abort)
    req.off('close', abort)
  })
  req.pipe(body)
  return body
}
