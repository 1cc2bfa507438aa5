import { Transform, type TransformCallback } from 'node:stream'
import type { ByteRange } from './index.ts'

export type StorageErrorCode = 'invalidKey' | 'invalidRange' | 'notFound' | 'tooLarge'

/** The errors a caller may want to tell apart; anything else (EACCES, network) passes through as is. */
export class StorageError extends Error {
  readonly code: StorageErrorCode
  constructor(code: StorageErrorCode, message: string) {
    super(message)
    this.name = 'StorageError'
    this.code = code
  }
}

const MAX_KEY_LENGTH = 1024 // S3's limit (bytes of UTF-8); kept for local keys too so both agree.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/

/**
 * A key is a relative path of `/`-separated segments. Refused: empty keys, absolute paths, backslashes,
 * NUL and other control characters, empty segments (`a//b`, trailing `/`), and any segment starting with
 * a dot — which covers `.` and `..` (traversal) and keeps hidden names free for temporary files.
 * Both storages apply the same rule, so a key that works locally works on S3 and back.
 */
export function assertValidKey(key: unknown): asserts key is string {
  const refuse = (why: string): never => {
    throw new StorageError('invalidKey', `invalid storage key (${why})`)
  }
  if (typeof key !== 'string' || key.length === 0) refuse('empty')
  const k = key as string
  if (Buffer.byteLength(k) > MAX_KEY_LENGTH) refuse('too long')
  if (CONTROL.test(k)) refuse('control character')
  if (k.includes('\\')) refuse('backslash')
  if (k.startsWith('/')) refuse('absolute path')
  for (const segment of k.split('/')) {
    if (segment === '') refuse('empty segment')
    if (segment.startsWith('.')) refuse('dot segment')
  }
}

/** A listing prefix: `''` (everything) or a valid key followed by `/` (a folder), e.g. `courses/`. */
export function assertValidPrefix(prefix: unknown): asserts prefix is string {
  if (prefix === '') return
  if (typeof prefix !== 'string' || !prefix.endsWith('/')) throw new StorageError('invalidKey', 'invalid storage prefix (must be empty or end with /)')
  assertValidKey(prefix.slice(0, -1))
}

/** Whether `key` is valid (for skipping foreign entries in a listing instead of failing on them). */
export function isValidKey(key: unknown): key is string {
  try {
    assertValidKey(key)
    return true
  } catch {
    return false
  }
}

export function assertValidRange(range: ByteRange | undefined): void {
  if (range === undefined) return
  const { start, end } = range
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new StorageError('invalidRange', 'invalid byte range')
  }
}

const CONTENT_TYPES: Record<string, string> = {
  mp4: 'video/mp4',
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  vtt: 'text/vtt; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
}

/** By extension, case-insensitive; `application/octet-stream` for anything unknown. */
export function contentTypeFor(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return (dot > 0 && CONTENT_TYPES[name.slice(dot + 1).toLowerCase()]) || 'application/octet-stream'
}

/** Passes bytes through and fails with `tooLarge` as soon as more than `maxBytes` have come in. */
export class ByteLimit extends Transform {
  bytes = 0
  constructor(private readonly maxBytes: number) {
    super()
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new TypeError('maxBytes must be a non-negative integer')
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length
    if (this.bytes > this.maxBytes) callback(new StorageError('tooLarge', `object larger than ${this.maxBytes} bytes`))
    else callback(null, chunk)
  }
}
