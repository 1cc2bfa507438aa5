import { closeSync, createReadStream, fstatSync, openSync, readSync, type Stats } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream'
import { localEtag } from '@jouwbot/storage'

/**
 * Sends one local file over HTTP: what the media routes need of a static file server, in our own
 * lines instead of the `send` package (bench:media: the Node path went from 434 to ~300 µs CPU per range).
 *
 *  - The file is opened first and its size and dates come from that descriptor (`fstat`), so the
 *    headers always describe the bytes that are read, even when the file is replaced meanwhile (our
 *    storage replaces files by rename). Nothing is cached between requests.
 *  - ETag (`localEtag`: size + mtime, strong) and Last-Modified on every answer.
 *  - Conditional requests in RFC 9110 §13.2.2's order: If-Match / If-Unmodified-Since → 412,
 *    If-None-Match / If-Modified-Since → 304 (GET and HEAD), If-Range (strong ETag, or exactly the
 *    Last-Modified date) decides whether a Range is honoured.
 *  - One byte range (`a-b`, `a-`, `-n`; the end clamped to the size) → 206 + Content-Range. A range
 *    starting at or past the end, `-0`, or any range of an empty file → 416 with `bytes *\/<size>`.
 *    Several ranges → the whole file (200): RFC 9110 lets a server ignore Range, and players ask for
 *    one range at a time. A header that does not parse (other unit, `5-2`, `bytes=`) is ignored too.
 *  - HEAD: the same headers, no body.
 *  - The request's Cache-Control (`no-cache`) does not switch off conditional answers: it is meant
 *    for caches, not for the origin (RFC 9111 §5.2.1).
 *
 * `file` must be an absolute, normalised path (no `.`/`..` segments, no NUL): anything else throws
 * before the disk is touched. Confining keys to a folder is the storage's job (`localPath`); this is
 * the second lock. Directories and other non-files answer as missing.
 *
 * When the file cannot be served the answer is left to the caller: the promise resolves to 404, 412
 * or 416 (for 416 `Content-Range` is already set). Otherwise it resolves once the headers are sent;
 * a read failure after that destroys the response and is passed to `onError` (a client that goes
 * away is no failure).
 */
export interface LocalFileOptions {
  contentType: string
  /** Failures while streaming, after the headers went out. */
  onError?: (error: Error) => void
}

export type LocalFileRefusal = 404 | 412 | 416

/**
 * Ranges up to this size are read in one go and sent from one buffer; larger ones are streamed in
 * chunks of this size (256 kB instead of 64 kB took about a fifth off the CPU per request in bench:media).
 */
const READ_CHUNK = 256 * 1024
/** Read buffers kept for reuse (4 MB at most); more concurrent ranges than this allocate and drop theirs. */
const SPARE_BUFFERS_MAX = 16
/** Reads up to this size get a buffer of their own size instead of a pooled 256 kB one. */
const SMALL_READ = 16 * 1024

/**
 * Buffers of READ_CHUNK bytes, reused from one range to the next instead of a fresh 256 kB each time
 * (fresh memory costs page faults and zeroing in the kernel, and garbage collection). A buffer comes
 * back only from the write callback of `res.end`: once the socket has taken every byte of it. A
 * response that never finishes (client gone) keeps its buffer, and the garbage collector frees it.
 */
const spareBuffers: Buffer[] = []
const takeBuffer = () => spareBuffers.pop() ?? Buffer.allocUnsafeSlow(READ_CHUNK)
const giveBack = (buffer: Buffer) => {
  if (spareBuffers.length < SPARE_BUFFERS_MAX) spareBuffers.push(buffer)
}

export async function serveLocalFile(req: IncomingMessage, res: ServerResponse, file: string, options: LocalFileOptions): Promise<LocalFileRefusal | undefined> {
  if (!path.isAbsolute(file) || file.includes('\0') || path.normalize(file) !== file || file.endsWith(path.sep)) {
    throw new Error('serveLocalFile: the path must be absolute and normalised')
  }
  const opened = openFile(file)
  if (!opened) return 404
  const { fd, stats } = opened
  let streaming = false
  try {
    const etag = localEtag(stats)
    const lastModified = Math.floor(stats.mtimeMs / 1000) * 1000
    res.setHeader('ETag', etag)
    res.setHeader('Last-Modified', new Date(lastModified).toUTCString())
    res.setHeader('Accept-Ranges', 'bytes')

    const precondition = evaluateConditions(req, etag, lastModified)
    if (precondition === 412) return 412
    if (precondition === 304) {
      res.removeHeader('Content-Type')
      res.removeHeader('Content-Length')
      res.statusCode = 304
      res.end()
      return undefined
    }

    const size = stats.size
    const ifRange = req.headers['if-range']
    const honoured = req.headers.range !== undefined && !Array.isArray(ifRange) && ifRangeHolds(ifRange, etag, lastModified)
    const range = honoured ? parseRange(req.headers.range!, size) : null
    if (range === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${size}`)
      return 416
    }
    const start = range?.start ?? 0
    const end = range?.end ?? size - 1
    res.statusCode = range ? 206 : 200
    res.setHeader('Content-Type', options.contentType)
    res.setHeader('Content-Length', end - start + 1)
    if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`)
    if (req.method === 'HEAD' || size === 0) {
      res.end()
      return undefined
    }
    const length = end - start + 1
    if (length <= READ_CHUNK) {
      // A player's range fits one read: into a buffer and out in one write, without a stream. The read is
      // synchronous, like open (see openFile) and like nginx's own reads without `aio threads`.
      // Small reads (playlists, captions, a player's first probe) take a buffer of their own size.
      const pooled = length > SMALL_READ
      const buffer = pooled ? takeBuffer() : Buffer.allocUnsafe(length)
      const release = () => pooled && giveBack(buffer)
      let bytesRead: number
      try {
        bytesRead = readSync(fd, buffer, 0, length, start)
      } catch (error) {
        release()
        throw error
      }
      if (bytesRead !== length) {
        release()
        throw new Error('serveLocalFile: the file is shorter than its stat')
      }
      res.end(buffer.subarray(0, length), release)
      return undefined
    }
    streaming = true
    const stream = createReadStream('', { fd, start, end, highWaterMark: READ_CHUNK })
    pipeline(stream, res, (error) => {
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') options.onError?.(error)
    })
    return undefined
  } finally {
    if (!streaming) closeSync(fd)
  }
}

/**
 * The descriptor and its stats, or null when there is no regular file at `file`.
 *
 * open, fstat, the read of a range and close are synchronous, as nginx does them by default (its
 * baseline in bench:media): a file in the page cache costs a few µs per call (the read: one copy),
 * while every trip through libuv's thread pool costs a thread wake-up and context switches both
 * ways. Node CPU per 256 kB range, side by side at load average 9: all four calls in the pool 515 µs,
 * only the read 286–299 µs, none 207–228 µs (the read buffers below reused in the last two). The price: a range not in the page cache holds the event loop while the disk reads it
 * (a 256 kB read, well under a millisecond on an SSD). Production on local disk lets nginx send the
 * bytes (`MEDIA_DELIVERY=x-accel`).
 */
function openFile(file: string): { fd: number; stats: Stats } | null {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null
    throw error
  }
  let stats: Stats
  try {
    stats = fstatSync(fd)
  } catch (error) {
    closeSync(fd)
    throw error
  }
  if (stats.isFile()) return { fd, stats }
  closeSync(fd)
  return null
}

/** RFC 9110 §13.2.2, steps 1–4: 412, 304 or null (go on). */
function evaluateConditions(req: IncomingMessage, etag: string, lastModified: number): 412 | 304 | null {
  const { 'if-match': ifMatch, 'if-unmodified-since': ifUnmodifiedSince, 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince } = req.headers
  if (ifMatch !== undefined) {
    if (!etagListMatches(ifMatch, etag, true)) return 412
  } else if (ifUnmodifiedSince !== undefined) {
    const date = Date.parse(ifUnmodifiedSince)
    if (!Number.isNaN(date) && lastModified > date) return 412
  }
  const safe = req.method === 'GET' || req.method === 'HEAD'
  if (ifNoneMatch !== undefined) {
    if (etagListMatches(ifNoneMatch, etag, false)) return safe ? 304 : 412
  } else if (ifModifiedSince !== undefined && safe) {
    const date = Date.parse(ifModifiedSince)
    if (!Number.isNaN(date) && lastModified <= date) return 304
  }
  return null
}

/** `*` or a list of entity tags; strong comparison ignores weak tags, weak comparison drops the `W/`. */
function etagListMatches(header: string, etag: string, strong: boolean): boolean {
  if (header.trim() === '*') return true
  return header.split(',').some((part) => {
    const tag = part.trim()
    if (tag.startsWith('W/')) return !strong && tag.slice(2) === etag
    return tag === etag
  })
}

/** If-Range: the range counts only for the very version it names (a strong ETag, or the exact Last-Modified). */
function ifRangeHolds(header: string | undefined, etag: string, lastModified: number): boolean {
  if (header === undefined) return true
  const value = header.trim()
  if (value.startsWith('"') || value.startsWith('W/')) return value === etag
  const date = Date.parse(value)
  return !Number.isNaN(date) && date === lastModified
}

const SINGLE_RANGE = /^bytes=[ \t]*(\d*)[ \t]*-[ \t]*(\d*)[ \t]*$/i

/** One satisfiable byte range, 'unsatisfiable', or null: serve the whole file (no, several or unparsable ranges). */
export function parseRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = SINGLE_RANGE.exec(header)
  if (!match) return null
  const [, first = '', last = ''] = match
  if (first === '') {
    if (last === '') return null
    const length = Number(last)
    if (length === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(first)
  const end = last === '' ? Infinity : Number(last)
  if (end < start) return null
  if (start >= size) return 'unsatisfiable'
  return { start, end: Math.min(end, size - 1) }
}
