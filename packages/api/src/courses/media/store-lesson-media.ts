import { randomBytes } from 'node:crypto'
import type { Readable } from 'node:stream'
import type { UserRow } from '@jouwbot/auth'
import { ADMIN_DURATION_MAX_SECONDS, AppError } from '@jouwbot/shared'
import { StorageError } from '@jouwbot/storage'
import type { AppDeps } from '../../deps.ts'
import { attachLessonMedia, type LessonMediaKind } from './attach-lesson-media.ts'
import type { findLessonForUpload } from './find-lesson-for-upload.ts'
import { deleteHlsRenditions, hlsPrefixFor } from './hls-renditions.ts'
import { isStorageKeyInUse } from './is-storage-key-in-use.ts'
import { readMp4DurationSeconds } from './mp4-duration.ts'

/**
 * An admin's upload of lesson media, after the HTTP route found the lesson and peeked at the body:
 * the type is checked by the first bytes (never by name or Content-Type), the body is streamed into
 * storage under a new key (`courses/<course>/uploads/<lessonId>-<random>.<ext>`) with a byte limit,
 * a video's duration is read from its `mvhd` box, and the lesson then points at the new object.
 * Players of the old file keep working until then; the old object (and its HLS renditions) is
 * deleted afterwards unless another lesson still uses it (seeded videos are shared).
 *
 * Refusals are AppErrors: UNSUPPORTED_MEDIA_TYPE `upload.wrongType`, PAYLOAD_TOO_LARGE
 * `upload.tooLarge` (nothing is left behind), BAD_REQUEST `upload.durationInvalid` (the file claims
 * a duration over a day — a forged or broken header; nothing is left behind), NOT_FOUND
 * `lesson.notFound` (deleted meanwhile).
 */
export interface UploadKind {
  extension: string
  contentType: string
  /** How many leading bytes `accepts` needs to see (fewer when the whole file is shorter). */
  headBytes: number
  accepts(head: Buffer): boolean
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

export const UPLOAD_KINDS: Record<LessonMediaKind, UploadKind> = {
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

/** Sensible limits: a long 720p lesson fits in 2 GiB; captions of hours fit in 1 MiB. */
export const DEFAULT_UPLOAD_LIMITS: Record<LessonMediaKind, number> = { video: 2 * 1024 * 1024 * 1024, captions: 1024 * 1024 }

export interface StoreLessonMediaInput {
  admin: UserRow
  lesson: NonNullable<Awaited<ReturnType<typeof findLessonForUpload>>>
  kind: LessonMediaKind
  /** The body's first bytes (`UPLOAD_KINDS[kind].headBytes`, or all of it when shorter). */
  head: Buffer
  /** The whole body, starting at byte 0 (the head put back). */
  body: Readable
  maxBytes: number
  /** Failures after the upload counted (duration unreadable, old object not deleted) are only reported. */
  warn: (fields: object, message: string) => void
}

export async function storeLessonMedia(deps: AppDeps, input: StoreLessonMediaInput) {
  const { storage } = deps
  const { lesson, kind, warn } = input
  const spec = UPLOAD_KINDS[kind]
  if (!spec.accepts(input.head)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'upload.wrongType')

  const key = `courses/${lesson.courseSlug}/uploads/${lesson.id}-${randomBytes(6).toString('hex')}.${spec.extension}`
  let stored
  try {
    stored = await storage.write(key, input.body, { contentType: spec.contentType, maxBytes: input.maxBytes })
  } catch (error) {
    if (error instanceof StorageError && error.code === 'tooLarge') throw new AppError('PAYLOAD_TOO_LARGE', 'upload.tooLarge')
    throw error
  }

  let durationSeconds: number | null = null
  if (kind === 'video') {
    durationSeconds = await readMp4DurationSeconds(storage, key, stored.size).catch((error: unknown) => {
      warn({ err: error, key }, 'could not read the MP4 duration')
      return null
    })
    // The header is the uploader's word: 2^47 s does not fit the column, and a 3-day "lesson" could
    // never be watched to 90 %. The same bound as a duration an admin types in.
    if (durationSeconds !== null && !(Number.isFinite(durationSeconds) && durationSeconds <= ADMIN_DURATION_MAX_SECONDS)) {
      await storage.delete(key).catch(() => {})
      throw new AppError('BAD_REQUEST', 'upload.durationInvalid')
    }
  }
  let attached
  try {
    attached = await attachLessonMedia(deps, input.admin, {
      lessonId: lesson.id,
      kind,
      key,
      size: stored.size,
      durationSeconds: durationSeconds === null ? null : Math.round(durationSeconds),
    })
  } catch (error) {
    await storage.delete(key).catch(() => {})
    throw error
  }

  const previous = attached.previousKey
  if (previous && previous !== key && !(await isStorageKeyInUse(deps.db, previous))) {
    try {
      await storage.delete(previous)
      // Renditions made from the old video sit next to it (hls-renditions.ts); nothing else refers to them.
      if (kind === 'video') await deleteHlsRenditions(storage, `${hlsPrefixFor(previous)}/master.m3u8`)
    } catch (error) {
      warn({ err: error, key: previous }, 'could not delete the replaced upload')
    }
  }
  return { key, size: stored.size, durationSeconds: attached.durationSeconds }
}
