import { mkdir, mkdtemp, readdir, readlink, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { createServer, get as httpGet, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { localEtag } from '@jouwbot/storage'
import { parseRange, serveLocalFile } from './local-file.ts'

const SIZE = 100_000
const DATA = Buffer.from(Array.from({ length: SIZE }, (_, i) => (i * 7 + (i >> 8)) & 0xff))
/** Larger than one read (256 kB): streamed in chunks. */
const BIG = Buffer.from(Array.from({ length: 700_000 }, (_, i) => (i * 13 + (i >> 10)) & 0xff))
const MTIME = new Date('2026-02-03T04:05:06.789Z')

let root: string
let server: Server
let unixServer: Server
let unixSocket: string
let base: string
let file: string
let etag: string
let lastModified: string
const errors: Error[] = []
/** Requests serveLocalFile has answered (resolved). */
let answered = 0

/** A server that serves the file named by the `x-file` header (relative to `root`, or raw when `x-raw`). */
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'jouwbot-local-file-'))
  file = path.join(root, 'video.mp4')
  await writeFile(file, DATA)
  await utimes(file, MTIME, MTIME)
  await writeFile(path.join(root, 'empty.mp4'), '')
  await writeFile(path.join(root, 'big.mp4'), BIG)
  await mkdir(path.join(root, 'folder'))
  etag = localEtag(await stat(file))
  lastModified = 'Tue, 03 Feb 2026 04:05:06 GMT'
  /** Also on a Unix socket: its send buffer (~200 kB) takes a 256 kB answer only as the client reads. */
  unixSocket = path.join(root, 'http.sock')
  server = createServer((req, res) => {
    const name = String(req.headers['x-file'] ?? 'video.mp4')
    const target = req.headers['x-raw'] ? name : path.join(root, name)
    serveLocalFile(req, res, target, { contentType: 'video/mp4', onError: (error) => errors.push(error) }).then(
      (refused) => {
        answered++
        if (refused) res.writeHead(refused, { 'content-type': 'text/plain' }).end(`refused ${refused}`)
      },
      () => res.writeHead(500).end('thrown'),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  unixServer = createServer((req, res) => server.emit('request', req, res))
  await new Promise<void>((resolve) => unixServer.listen(unixSocket, resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await new Promise((resolve) => unixServer.close(resolve))
  await rm(root, { recursive: true, force: true })
})

const get = (headers: Record<string, string> = {}, method = 'GET') => fetch(base, { method, headers })
const body = async (response: Response) => Buffer.from(await response.arrayBuffer())

describe('serveLocalFile: whole file and HEAD', () => {
  test('200 with the bytes, length, type, ETag (size + mtime), Last-Modified and Accept-Ranges', async () => {
    const response = await get()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('video/mp4')
    expect(response.headers.get('content-length')).toBe(String(SIZE))
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    expect(response.headers.get('etag')).toBe(etag)
    expect(response.headers.get('last-modified')).toBe(lastModified)
    expect(response.headers.get('content-range')).toBeNull()
    expect((await body(response)).equals(DATA)).toBe(true)
  })

  test('HEAD: the same headers, no body; with a range the 206 headers', async () => {
    const head = await get({}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(SIZE))
    expect(head.headers.get('etag')).toBe(etag)
    expect((await body(head)).length).toBe(0)
    const ranged = await get({ range: 'bytes=10-19' }, 'HEAD')
    expect(ranged.status).toBe(206)
    expect(ranged.headers.get('content-range')).toBe(`bytes 10-19/${SIZE}`)
    expect(ranged.headers.get('content-length')).toBe('10')
    expect((await body(ranged)).length).toBe(0)
  })

  test('an empty file: 200 with no bytes; any range is unsatisfiable', async () => {
    const whole = await get({ 'x-file': 'empty.mp4' })
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-length')).toBe('0')
    expect((await body(whole)).length).toBe(0)
    for (const range of ['bytes=0-0', 'bytes=0-', 'bytes=-1']) {
      const response = await get({ 'x-file': 'empty.mp4', range })
      expect(response.status).toBe(416)
      expect(response.headers.get('content-range')).toBe('bytes */0')
      await body(response)
    }
  })

  test('the headers describe the file as it is now (no stale size or ETag after a replacement)', async () => {
    const name = 'replaced.mp4'
    await writeFile(path.join(root, name), 'first version')
    const first = await get({ 'x-file': name })
    expect(await first.text()).toBe('first version')
    await writeFile(path.join(root, name), 'the second, longer version')
    await utimes(path.join(root, name), MTIME, new Date(MTIME.getTime() + 5000))
    const second = await get({ 'x-file': name })
    expect(second.headers.get('content-length')).toBe('26')
    expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'))
    expect(await second.text()).toBe('the second, longer version')
  })
})

describe('serveLocalFile: byte ranges', () => {
  test.each([
    ['first byte', 'bytes=0-0', 0, 0],
    ['a middle range', 'bytes=1000-65535', 1000, 65535],
    ['open-ended', `bytes=${SIZE - 1234}-`, SIZE - 1234, SIZE - 1],
    ['suffix', 'bytes=-500', SIZE - 500, SIZE - 1],
    ['a suffix longer than the file (all of it)', `bytes=-${SIZE * 3}`, 0, SIZE - 1],
    ['an end past the size (clamped)', `bytes=${SIZE - 10}-${SIZE + 999}`, SIZE - 10, SIZE - 1],
    ['the last byte', `bytes=${SIZE - 1}-${SIZE - 1}`, SIZE - 1, SIZE - 1],
    ['the unit in capitals, spaces around the numbers', 'Bytes= 5 - 9 ', 5, 9],
  ])('%s (%s): 206 with Content-Range and exactly those bytes', async (_name, range, start, end) => {
    const response = await get({ range })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${SIZE}`)
    expect(response.headers.get('content-length')).toBe(String(end - start + 1))
    expect(response.headers.get('content-type')).toBe('video/mp4')
    expect((await body(response)).equals(DATA.subarray(start, end + 1))).toBe(true)
  })

  test.each([`bytes=${SIZE}-`, `bytes=${SIZE + 10}-${SIZE + 20}`, 'bytes=-0', `bytes=${'9'.repeat(30)}-`])(
    'unsatisfiable (%s): refused as 416 with Content-Range: bytes */size, no body from the file',
    async (range) => {
      const response = await get({ range })
      expect(response.status).toBe(416)
      expect(response.headers.get('content-range')).toBe(`bytes */${SIZE}`)
      expect(await response.text()).toBe('refused 416')
    },
  )

  test.each([
    ['several ranges', 'bytes=0-1,5-6'],
    ['several, one unsatisfiable', `bytes=0-1,${SIZE + 5}-`],
    ['start after end', 'bytes=20-10'],
    ['another unit', 'items=0-10'],
    ['no numbers', 'bytes=-'],
    ['nothing after the unit', 'bytes='],
    ['not numbers', 'bytes=a-b'],
    ['negative', 'bytes=-5-10'],
  ])('%s (%s): the Range is ignored, the whole file is sent (200)', async (_name, range) => {
    const response = await get({ range })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-range')).toBeNull()
    expect((await body(response)).equals(DATA)).toBe(true)
  })

  test.each([
    ['the whole file', undefined, 0, BIG.length - 1],
    ['a range of several reads', 'bytes=1000-600999', 1000, 600_999],
    ['a suffix of several reads', 'bytes=-300000', BIG.length - 300_000, BIG.length - 1],
  ])('larger than one read, %s: streamed, exactly those bytes', async (_name, range, start, end) => {
    const response = await get({ 'x-file': 'big.mp4', ...(range && { range }) })
    expect(response.status).toBe(range ? 206 : 200)
    expect(response.headers.get('content-length')).toBe(String(end - start + 1))
    expect((await body(response)).equals(BIG.subarray(start, end + 1))).toBe(true)
  })

  test('parseRange on its own', () => {
    expect(parseRange('bytes=0-9', 10)).toEqual({ start: 0, end: 9 })
    expect(parseRange('bytes=9-', 10)).toEqual({ start: 9, end: 9 })
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable')
    expect(parseRange('bytes=-10', 10)).toEqual({ start: 0, end: 9 })
    expect(parseRange('bytes=-0', 10)).toBe('unsatisfiable')
    expect(parseRange('bytes=0-0,2-3', 10)).toBeNull()
    expect(parseRange('bytes=3-2', 10)).toBeNull()
  })
})

describe('serveLocalFile: conditional requests', () => {
  test.each([
    ['If-None-Match with the ETag', { 'if-none-match': '__ETAG__' }],
    ['If-None-Match with the weak form of the ETag', { 'if-none-match': 'W/__ETAG__' }],
    ['If-None-Match in a list', { 'if-none-match': '"other", __ETAG__' }],
    ['If-None-Match: *', { 'if-none-match': '*' }],
    ['If-Modified-Since the Last-Modified date', { 'if-modified-since': 'Tue, 03 Feb 2026 04:05:06 GMT' }],
    ['If-Modified-Since a later date', { 'if-modified-since': 'Wed, 04 Feb 2026 00:00:00 GMT' }],
    ['a Range does not change a 304', { 'if-none-match': '__ETAG__', range: 'bytes=0-9' }],
  ])('%s → 304 with the ETag, no body', async (_name, headers) => {
    const response = await get(withEtag(headers))
    expect(response.status).toBe(304)
    expect(response.headers.get('etag')).toBe(etag)
    expect(response.headers.get('content-type')).toBeNull()
    expect((await body(response)).length).toBe(0)
  })

  test.each([
    ['another ETag', { 'if-none-match': '"other"' }],
    ['an earlier date', { 'if-modified-since': 'Tue, 03 Feb 2026 04:05:05 GMT' }],
    ['an unparsable date', { 'if-modified-since': 'yesterday' }],
    // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    ['another ETag and a later date', { 'if-none-match': '"other"', 'if-modified-since': 'Wed, 04 Feb 2026 00:00:00 GMT' }],
  ])('If-None-Match / If-Modified-Since that do not match (%s) → 200', async (_name, headers) => {
    const response = await get(headers)
    expect(response.status).toBe(200)
    expect((await body(response)).length).toBe(SIZE)
  })

  test.each([
    ['If-Match with another ETag', { 'if-match': '"other"' }],
    ['If-Match with the weak form (strong comparison)', { 'if-match': 'W/__ETAG__' }],
    ['If-Unmodified-Since an earlier date', { 'if-unmodified-since': 'Tue, 03 Feb 2026 04:05:05 GMT' }],
  ])('%s → 412, left to the caller', async (_name, headers) => {
    const response = await get(withEtag(headers))
    expect(response.status).toBe(412)
    expect(await response.text()).toBe('refused 412')
  })

  test.each([
    ['If-Match with the ETag', { 'if-match': '__ETAG__' }],
    ['If-Match: *', { 'if-match': '*' }],
    ['If-Unmodified-Since the Last-Modified date', { 'if-unmodified-since': 'Tue, 03 Feb 2026 04:05:06 GMT' }],
  ])('%s → the range is served', async (_name, headers) => {
    const response = await get({ ...withEtag(headers), range: 'bytes=0-9' })
    expect(response.status).toBe(206)
    expect((await body(response)).equals(DATA.subarray(0, 10))).toBe(true)
  })

  test.each([
    ['the current ETag', '__ETAG__', 206],
    ['the exact Last-Modified date', 'Tue, 03 Feb 2026 04:05:06 GMT', 206],
    ['another ETag', '"an-older-version"', 200],
    ['the weak form of the ETag (If-Range needs a strong one)', 'W/__ETAG__', 200],
    ['a later date', 'Wed, 04 Feb 2026 00:00:00 GMT', 200],
  ])('If-Range with %s → %i', async (_name, ifRange, status) => {
    const response = await get({ range: 'bytes=0-99', 'if-range': ifRange.replace('__ETAG__', etag) })
    expect(response.status).toBe(status)
    expect((await body(response)).length).toBe(status === 206 ? 100 : SIZE)
  })
})

describe('serveLocalFile: what it refuses', () => {
  test.each([
    ['a relative path', 'video.mp4'],
    ['a .. segment', '__ROOT__/folder/../video.mp4'],
    ['a . segment', '__ROOT__/./video.mp4'],
    ['a NUL byte', '__ROOT__/video.mp4\0.txt'],
    ['a doubled slash', '__ROOT__//video.mp4'],
  ])('%s is refused before the disk is read (throws)', async (_name, raw) => {
    // Sent as a header value: NUL cannot travel there, so that case calls the function directly.
    const target = raw.replace('__ROOT__', root)
    if (target.includes('\0')) {
      await expect(serveLocalFile({ headers: {}, method: 'GET' } as never, {} as never, target, { contentType: 'video/mp4' })).rejects.toThrow(/absolute and normalised/)
      return
    }
    const response = await get({ 'x-file': target, 'x-raw': '1' })
    expect(response.status).toBe(500)
    expect(await response.text()).toBe('thrown')
  })

  test('a missing file, a folder, or a path through a file → 404, left to the caller', async () => {
    for (const name of ['missing.mp4', 'folder', 'video.mp4/inside']) {
      const response = await get({ 'x-file': name })
      expect(response.status).toBe(404)
      expect(await response.text()).toBe('refused 404')
    }
  })

  test('no file descriptor is left open, whatever the answer', async () => {
    const answers: Array<Record<string, string>> = [{}, { range: 'bytes=0-9' }, { range: `bytes=${SIZE}-` }, { 'if-none-match': etag }, { 'if-match': '"other"' }]
    for (const headers of answers) await body(await get(headers))
    await body(await get({}, 'HEAD'))
    await body(await get({ 'x-file': 'big.mp4' }))
    // A client that goes away mid-body.
    const aborted = new AbortController()
    const response = await fetch(base, { signal: aborted.signal, headers: { 'x-file': 'big.mp4' } })
    aborted.abort()
    await response.arrayBuffer().catch(() => {})
    await vi.waitFor(async () => {
      expect(await openDescriptorsOf(file)).toBe(0)
      expect(await openDescriptorsOf(path.join(root, 'big.mp4'))).toBe(0)
    })
    expect(errors).toEqual([])
  })
})

describe('serveLocalFile: read buffers', () => {
  const RANGE = 200_003 // one read (≤ 256 kB), and a size nothing else here allocates

  /** GETs a range of big.mp4 with node:http and compares it chunk by chunk (no Buffer.concat of the body). */
  const rangeMatches = (start: number, length: number) =>
    new Promise<boolean>((resolve, reject) => {
      const url = new URL(base)
      const headers = { 'x-file': 'big.mp4', range: `bytes=${start}-${start + length - 1}` }
      httpGet({ host: url.hostname, port: url.port, headers }, (response) => {
        let offset = 0
        let same = response.statusCode === 206
        response.on('data', (chunk: Buffer) => {
          same &&= chunk.equals(BIG.subarray(start + offset, start + offset + chunk.length))
          offset += chunk.length
        })
        response.on('end', () => resolve(same && offset === length))
      }).on('error', reject)
    })

  test('ranges one after another reuse one read buffer instead of allocating one each', async () => {
    expect(await rangeMatches(0, RANGE)).toBe(true) // a spare buffer exists from here on
    const allocUnsafe = vi.spyOn(Buffer, 'allocUnsafe')
    const allocUnsafeSlow = vi.spyOn(Buffer, 'allocUnsafeSlow')
    try {
      for (let i = 1; i <= 5; i++) expect(await rangeMatches(i * 1000, RANGE)).toBe(true)
      const large = [...allocUnsafe.mock.calls, ...allocUnsafeSlow.mock.calls].filter(([size]) => size >= RANGE)
      expect(large).toEqual([])
    } finally {
      allocUnsafe.mockRestore()
      allocUnsafeSlow.mockRestore()
    }
  })

  test('a buffer the socket has not yet taken whole is not reused: a slow reader still gets its own bytes', async () => {
    // The slow client asks for the largest one-read range and reads nothing yet: the socket takes only
    // part of it (a Unix socket: loopback TCP would take it all), the rest waits in the server's buffer
    // while other ranges are read and sent.
    const length = 256 * 1024
    const slow = connect(unixSocket)
    const received: Buffer[] = []
    slow.on('data', (chunk: Buffer) => received.push(chunk))
    const ended = new Promise((resolve) => slow.once('end', resolve))
    slow.pause()
    const before = answered
    slow.write(`GET / HTTP/1.1\r\nHost: x\r\nX-File: big.mp4\r\nRange: bytes=0-${length - 1}\r\nConnection: close\r\n\r\n`)
    await vi.waitFor(() => expect(answered).toBeGreaterThan(before))
    for (let i = 1; i <= 4; i++) expect(await rangeMatches(400_000 + i * 1000, length)).toBe(true)
    slow.resume()
    await ended
    const raw = Buffer.concat(received)
    const headerEnd = raw.indexOf('\r\n\r\n') + 4
    expect(raw.subarray(0, 12).toString()).toBe('HTTP/1.1 206')
    expect(raw.length - headerEnd).toBe(length)
    expect(raw.subarray(headerEnd).equals(BIG.subarray(0, length))).toBe(true)
  })
})

function withEtag(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value.replace('__ETAG__', etag)]))
}

/** How many of this process's file descriptors point at `target` (Linux). */
async function openDescriptorsOf(target: string): Promise<number> {
  let count = 0
  for (const fd of await readdir('/proc/self/fd')) {
    if ((await readlink(`/proc/self/fd/${fd}`).catch(() => '')) === target) count++
  }
  return count
}
