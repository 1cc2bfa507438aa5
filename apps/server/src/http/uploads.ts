import { randomBytes } from 'node:crypto'
import { PassThrough, Readable } from 'node:stream'
import { Router, type Request, type Response } from 'express'
import type { Logger } from 'pino'
import type { AppDeps } from '@jouwbot/api'
import { attachLessonMedia, findLessonForUpload, isStorageKeyInUse, type LessonMediaKind } from '@jouwbot/api/admin/lesson-media'
import { AppError, isUuid } from '@jouwbot/shared'
import { StorageError, type Storage } from '@jouwbot/storage'
import { deleteHlsRenditions, hlsPrefixFor } from '../hls.ts'
import { sendError } from './errors.ts'
import { sessionUser } from './session-user.ts'

/**
 * Admin uploads of lesson media, as raw request bodies streamed straight into storage (never
 * buffered whole):
 *  - `PUT /admin/uploads/lessons/:lessonId/video`    — an MP4 (must start with an `ftyp` box)
 *  - `PUT /admin/uploads/lessons/:lessonId/captions` — WebVTT (must start with `WEBVTT`, BOM allowed)
 *
 * Only an admin's session cookie is accepted (a half-finished 2FA login is nobody). Mount it after
 * the app's CSRF guard: a PUT then needs `Sec-Fetch-Site: same-origin` or our Origin.
 * The file is checked by its first bytes, never by its name or Content-Type. It is stored under a new
 * key (`courses/<course>/uploads/<lessonId>-<random>.<ext>`), so players of the old file keep working
 * until the lesson row points at the new one; the old object is deleted afterwards unless another
 * lesson still uses it (seeded videos are shared).
 *
 * Answers `{ key, size, durationSeconds }`, or `{ error: { message: <i18n key> } }`:
 * 403 `error.forbidden`, 404 `lesson.notFound`, 413 `upload.tooLarge` (by Content-Length before
 * reading, or as soon as the stream passes the limit; nothing is left behind), 415 `upload.wrongType`.
 * After a refusal the rest of the body is read and dropped (bounded), so the client sees the answer.
 */
export interface UploadRouterOptions {
  deps: AppDeps
  storage: Storage
  maxVideoBytes: number
  maxCaptionBytes: number
  /** After a new video is stored and the lesson points at it (e.g. queue the HLS job). Failures are logged only. */
  onVideoStored?: (lessonId: string) => void | Promise<void>
  /** Defaults to pino-http's `req.log`. */
  logger?: Logger
}

/** Sensible limits for boot: a long 720p lesson fits in 2 GiB; captions of hours fit in 1 MiB. */
export const DEFAULT_MAX_VIDEO_BYTES = 2 * 1024 * 1024 * 1024
export const DEFAULT_MAX_CAPTION_BYTES = 1024 * 1024

interface UploadKind {
  extension: string
  contentType: string
  /** How many leading bytes `accepts` needs to see (fewer when the whole file is shorter). */
  headBytes: number
  accepts(head: Buffer): boolean
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

const KINDS: Record<LessonMediaKind, UploadKind> = {
  video: {
    extension: 'mp4',
    contentType: 'video/mp4',
    headBytes: 8,
    // ISO base media file: the first box is `ftyp` (bytes 4–7), after its 32-bit size.
    accepts: (head) => head.length >= 8 && head.toString('latin1', 4, 8) === 'ftyp',
  },
  captions: {
    extension: 'vtt',
    contentType: 'text/vtt; charset=utf-8',
    headBytes: UTF8_BOM.length + 7,
    // WebVTT: optional BOM, `WEBVTT`, then a space, tab, line break or the end of the file.
    accepts: (head) => {
      const text = head.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? head.subarray(UTF8_BOM.length) : head
      return text.toString('latin1', 0, 6) === 'WEBVTT' && (text.length === 6 || [0x20, 0x09, 0x0a, 0x0d].includes(text[6]!))
    },
  },
}


export function uploadRouter(options: UploadRouterOptions): Router {
  const { deps, storage } = options
  for (const limit of [options.maxVideoBytes, options.maxCaptionBytes]) {
    if (!Number.isSafeInteger(limit) || limit <= 0) throw new Error('upload limits must be positive integers (bytes)')
  }
  const limits: Record<LessonMediaKind, number> = { video: options.maxVideoBytes, captions: options.maxCaptionBytes }
  const loggerOf = (req: Request) => options.logger ?? (req as { log?: Logger }).log

  async function upload(kind: LessonMediaKind, req: Request, res: Response): Promise<void> {
    const spec = KINDS[kind]
    const maxBytes = limits[kind]
    const admin = await sessionUser(deps, req)
    if (!admin || admin.role !== 'admin') return refuse(req, res, 403, 'error.forbidden')
    const lessonId = String(req.params.lessonId)
    if (!isUuid(lessonId)) return refuse(req, res, 404, 'lesson.notFound')
    const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length'])
    if (declared !== null && declared > maxBytes) return refuse(req, res, 413, 'upload.tooLarge')
    const lesson = await findLessonForUpload(deps, lessonId)
    if (!lesson) return refuse(req, res, 404, 'lesson.notFound')

    const { head, ended } = await peekHead(req, spec.headBytes)
    if (!spec.accepts(head)) return refuse(req, res, 415, 'upload.wrongType')

    const key = `courses/${lesson.courseSlug}/uploads/${lesson.id}-${randomBytes(6).toString('hex')}.${spec.extension}`
    let stored
    try {
      stored = await storage.write(key, ended ? Readable.from([head]) : bodyOf(req), { contentType: spec.contentType, maxBytes })
    } catch (error) {
      if (error instanceof StorageError && error.code === 'tooLarge') return refuse(req, res, 413, 'upload.tooLarge')
      throw error
    }

    let durationSeconds: number | null = null
    if (kind === 'video') {
      durationSeconds = await readMp4DurationSeconds(storage, key, stored.size).catch((error: unknown) => {
        loggerOf(req)?.warn({ err: error, key }, 'could not read the MP4 duration')
        return null
      })
    }
    let attached
    try {
      attached = await attachLessonMedia(deps, admin, {
        lessonId: lesson.id,
        kind,
        key,
        size: stored.size,
        durationSeconds: durationSeconds === null ? null : Math.round(durationSeconds),
      })
    } catch (error) {
      await storage.delete(key).catch(() => {})
      if (error instanceof AppError && error.code === 'NOT_FOUND') return refuse(req, res, 404, 'lesson.notFound')
      throw error
    }

    const previous = attached.previousKey
    if (previous && previous !== key && !(await isStorageKeyInUse(deps.db, previous))) {
      try {
        await storage.delete(previous)
        // Renditions made from the old video sit next to it (hls.ts); nothing else refers to them.
        if (kind === 'video') await deleteHlsRenditions(storage, `${hlsPrefixFor(previous)}/master.m3u8`)
      } catch (error) {
        loggerOf(req)?.warn({ err: error, key: previous }, 'could not delete the replaced upload')
      }
    }
    if (kind === 'video' && options.onVideoStored) {
      try {
        await options.onVideoStored(lesson.id)
      } catch (error) {
        loggerOf(req)?.error({ err: error, lessonId: lesson.id }, 'onVideoStored failed')
      }
    }
    res.status(200).json({ key, size: stored.size, durationSeconds: attached.durationSeconds })
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

async function readRange(storage: Storage, key: string, start: number, end: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of await storage.read(key, { start, end })) chunks.push(Buffer.from(chunk as Uint8Array))
  return Buffer.concat(chunks)
}

/**
 * The movie duration from the MP4's `moov/mvhd` box, in seconds; null when there is none. Walks the
 * top-level boxes with small ranged reads, so it finds `moov` at the start (faststart) or after
 * `mdat` at the end without reading the media data in between.
 */
export async function readMp4DurationSeconds(storage: Storage, key: string, size: number): Promise<number | null> {
  /** The box at `offset` (inside `[offset, limit)`): type, header and total size. */
  const boxAt = async (offset: number, limit: number) => {
    if (offset + 8 > limit) return null
    const header = await readRange(storage, key, offset, Math.min(offset + 16, limit) - 1)
    let boxSize = header.readUInt32BE(0)
    let headerSize = 8
    if (boxSize === 1 && header.length >= 16) [boxSize, headerSize] = [Number(header.readBigUInt64BE(8)), 16]
    else if (boxSize === 0) boxSize = limit - offset // "to the end of the enclosing space"
    if (boxSize < headerSize || offset + boxSize > limit) return null
    return { type: header.toString('latin1', 4, 8), headerSize, boxSize }
  }
  for (let offset = 0, boxes = 0; boxes < 64; boxes += 1) {
    const box = await boxAt(offset, size)
    if (!box) return null
    if (box.type === 'moov') {
      const end = offset + box.boxSize
      for (let child = offset + box.headerSize, n = 0; n < 64; n += 1) {
        const inner = await boxAt(child, end)
        if (!inner) return null
        if (inner.type === 'mvhd') {
          // version(1) flags(3), then v0: created(4) modified(4) timescale(4) duration(4); v1: 8 8 4 8.
          const body = await readRange(storage, key, child + inner.headerSize, Math.min(child + inner.headerSize + 32, end) - 1)
          const v1 = body[0] === 1
          if (body.length < (v1 ? 32 : 20)) return null
          const timescale = body.readUInt32BE(v1 ? 20 : 12)
          const duration = v1 ? Number(body.readBigUInt64BE(24)) : body.readUInt32BE(16)
          const unknown = v1 ? body.readBigUInt64BE(24) === 0xffffffffffffffffn : duration === 0xffffffff
          return timescale > 0 && !unknown ? duration / timescale : null
        }
        child += inner.boxSize
      }
      return null
    }
    offset += box.boxSize
  }
  return null
}
