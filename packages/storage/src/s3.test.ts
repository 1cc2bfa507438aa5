import { createHash, createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { buffer, text } from 'node:stream/consumers'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { createS3Storage, type S3StorageOptions } from './index.ts'

/*
 * No S3 server runs here. What these tests can show honestly offline:
 *  - presigned URLs: host, path or virtual-host style, expiry, and a SigV4 signature recomputed here
 *    from the documented algorithm (so the URL is valid for those credentials — not that a server accepts it);
 *  - key validation before any request;
 *  - how stat/read/write/delete translate to HTTP and back, against a stub that answers the way the S3
 *    REST API documents (HEAD 404 → null, Range header, single PUT, multipart abort past the limit).
 * The stub is our reading of the API, not MinIO/R2/AWS: compatibility with a real service is untested.
 */

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }

/** RFC 3986 encoding, as SigV4's canonical query string wants it. */
const rfc3986 = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()

/** Recomputes a presigned GET URL's signature (AWS Signature Version 4, query-string authentication). */
function expectedSignature(url: URL, secretAccessKey: string): string {
  const params = [...url.searchParams].filter(([name]) => name !== 'X-Amz-Signature')
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const canonicalQuery = params.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&')
  const canonicalRequest = ['GET', url.pathname, canonicalQuery, `host:${url.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n')
  const [accessKey, date, region, service, terminator] = url.searchParams.get('X-Amz-Credential')!.split('/')
  expect([accessKey, service, terminator]).toEqual([credentials.accessKeyId, 's3', 'aws4_request'])
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    url.searchParams.get('X-Amz-Date'),
    `${date}/${region}/s3/aws4_request`,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n')
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date!), region!), 's3'), 'aws4_request')
  return createHmac('sha256', signingKey).update(stringToSign).digest('hex')
}

describe('S3 storage: presigned GET URLs', () => {
  test('S3-compatible endpoint, path style: host, /bucket/key, expiry and a valid SigV4 signature', async () => {
    const storage = createS3Storage({ endpoint: 'https://minio.example.test:9000', region: 'us-east-1', bucket: 'media', forcePathStyle: true, ...credentials })
    const before = Date.now()
    const url = new URL(await storage.presignedGetUrl!('videos/les 1 (intro).mp4', 300))

    expect(url.origin).toBe('https://minio.example.test:9000')
    expect(url.pathname).toBe('/media/videos/les%201%20%28intro%29.mp4')
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256')
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300')
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host')
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDEXAMPLE\/\d{8}\/us-east-1\/s3\/aws4_request$/)
    const signedAt = url.searchParams.get('X-Amz-Date')!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')
    expect(Math.abs(Date.parse(signedAt) - before)).toBeLessThan(5000)
    // Not the kind of query a compatible service may reject: checksums are off for custom endpoints.
    expect(url.searchParams.has('x-amz-checksum-mode')).toBe(false)

    const signature = url.searchParams.get('X-Amz-Signature')
    expect(signature).toMatch(/^[0-9a-f]{64}$/)
    expect(signature).toBe(expectedSignature(url, credentials.secretAccessKey))
    expect(signature).not.toBe(expectedSignature(url, 'another secret'))
  })

  test('AWS, virtual-host style: bucket in the host name', async () => {
    const storage = createS3Storage({ region: 'eu-central-1', bucket: 'jouwbot-media', ...credentials })
    const url = new URL(await storage.presignedGetUrl!('videos/intro.mp4', 120))
    expect(url.host).toBe('jouwbot-media.s3.eu-central-1.amazonaws.com')
    expect(url.pathname).toBe('/videos/intro.mp4')
    expect(url.searchParams.get('X-Amz-Expires')).toBe('120')
    expect(url.searchParams.get('X-Amz-Credential')).toContain('/eu-central-1/s3/aws4_request')
    expect(url.searchParams.get('X-Amz-Signature')).toBe(expectedSignature(url, credentials.secretAccessKey))
  })

  test('refuses bad keys and expiries outside 1 s … 7 days', async () => {
    const storage = createS3Storage({ region: 'eu-central-1', bucket: 'b', ...credentials })
    await expect(storage.presignedGetUrl!('../other-bucket/x', 60)).rejects.toMatchObject({ code: 'invalidKey' })
    await expect(storage.presignedGetUrl!('/videos/intro.mp4', 60)).rejects.toMatchObject({ code: 'invalidKey' })
    await expect(storage.presignedGetUrl!('videos/intro.mp4', 0)).rejects.toThrow(RangeError)
    await expect(storage.presignedGetUrl!('videos/intro.mp4', 7 * 24 * 3600 + 1)).rejects.toThrow(RangeError)
  })
})

// ---- A stub of the S3 REST API (path style), enough for HEAD/GET/PUT/DELETE, multipart start/abort
// and ListObjectsV2 (pages of LIST_PAGE keys in UTF-8 byte order, as S3 may return fewer than max-keys).

interface Recorded { method: string; path: string; query: string; range?: string }
const objects = new Map<string, { body: Buffer; type: string; modified: Date }>()
const requests: Recorded[] = []
let server: Server
let options: S3StorageOptions

const LIST_PAGE = 2
const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** GET /media?list-type=2&prefix=…&continuation-token=… → ListBucketResult. */
function listObjects(url: URL): { status: number; headers: Record<string, string>; body: string } {
  const prefix = url.searchParams.get('prefix') ?? ''
  const keys = [...objects.keys()].filter((key) => key.startsWith(prefix)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  const start = Number(url.searchParams.get('continuation-token') ?? '0')
  const page = keys.slice(start, start + LIST_PAGE)
  const truncated = start + LIST_PAGE < keys.length
  const contents = page.map((key) => {
    const object = objects.get(key)!
    return `<Contents><Key>${xml(key)}</Key><LastModified>${object.modified.toISOString()}</LastModified><ETag>&quot;stub-etag&quot;</ETag><Size>${object.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`
  })
  const body =
    `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>media</Name><Prefix>${xml(prefix)}</Prefix>` +
    `<KeyCount>${page.length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents.join('')}` +
    (truncated ? `<NextContinuationToken>${start + LIST_PAGE}</NextContinuationToken>` : '') +
    `</ListBucketResult>`
  return { status: 200, headers: { 'content-type': 'application/xml' }, body }
}

function handle(req: IncomingMessage, body: Buffer): { status: number; headers?: Record<string, string>; body?: string | Buffer } {
  const url = new URL(req.url!, 'http://stub')
  if (req.method === 'GET' && /^\/media\/?$/.test(url.pathname) && url.searchParams.get('list-type') === '2') return listObjects(url)
  const key = decodeURIComponent(url.pathname.replace(/^\/media\//, ''))
  const object = objects.get(key)
  const notFound = { status: 404, headers: { 'content-type': 'application/xml' }, body: '<Error><Code>NoSuchKey</Code></Error>' }
  if (req.method === 'HEAD') {
    if (!object) return { status: 404 }
    return { status: 200, headers: { 'content-length': String(object.body.length), 'content-type': object.type, etag: '"stub-etag"', 'last-modified': object.modified.toUTCString() } }
  }
  if (req.method === 'GET') {
    if (!object) return notFound
    const match = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '')
    if (!match) return { status: 200, body: object.body }
    return { status: 206, body: object.body.subarray(Number(match[1]), Number(match[2]) + 1) }
  }
  if (req.method === 'POST' && url.searchParams.has('uploads')) {
    return { status: 200, body: `<InitiateMultipartUploadResult><Bucket>media</Bucket><Key>${key}</Key><UploadId>up-1</UploadId></InitiateMultipartUploadResult>` }
  }
  if (req.method === 'PUT' && url.searchParams.has('uploadId')) return { status: 200, headers: { etag: '"part"' } }
  if (req.method === 'PUT') {
    objects.set(key, { body, type: req.headers['content-type'] ?? '', modified: new Date() })
    return { status: 200, headers: { etag: '"stub-etag"' } }
  }
  if (req.method === 'DELETE') {
    if (!url.searchParams.has('uploadId')) objects.delete(key)
    return { status: 204 }
  }
  return { status: 501 }
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await buffer(req)
    const url = new URL(req.url!, 'http://stub')
    requests.push({ method: req.method!, path: url.pathname, query: url.search, range: req.headers.range })
    const answer = handle(req, body)
    res.writeHead(answer.status, answer.headers).end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  options = { endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', bucket: 'media', forcePathStyle: true, ...credentials }
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  objects.clear()
  requests.length = 0
})

describe('S3 storage against a stub of the REST API', () => {
  test('stat: HEAD → StoredObject, 404 → null', async () => {
    const storage = createS3Storage(options)
    const modified = new Date('2025-01-02T03:04:05Z')
    objects.set('videos/intro.mp4', { body: Buffer.from('0123456789'), type: 'video/mp4', modified })
    expect(await storage.stat('videos/intro.mp4')).toEqual({ key: 'videos/intro.mp4', size: 10, lastModified: modified, etag: '"stub-etag"', contentType: 'video/mp4' })
    expect(await storage.stat('videos/missing.mp4')).toBeNull()
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['HEAD /media/videos/intro.mp4', 'HEAD /media/videos/missing.mp4'])
  })

  test('read: sends `Range: bytes=start-end`; a missing key rejects with notFound', async () => {
    const storage = createS3Storage(options)
    objects.set('videos/intro.mp4', { body: Buffer.from('0123456789'), type: 'video/mp4', modified: new Date() })
    expect(await text(await storage.read('videos/intro.mp4', { start: 2, end: 5 }))).toBe('2345')
    expect(requests.at(-1)?.range).toBe('bytes=2-5')
    expect(await text(await storage.read('videos/intro.mp4'))).toBe('0123456789')
    expect(requests.at(-1)?.range).toBeUndefined()
    await expect(storage.read('videos/missing.mp4')).rejects.toMatchObject({ code: 'notFound' })
  })

  test('write: one PUT with the content type; delete: DELETE', async () => {
    const storage = createS3Storage(options)
    const stored = await storage.write('invoices/INV-1.pdf', Readable.from([Buffer.from('%PDF-1.7')]), { contentType: 'application/pdf', maxBytes: 100 })
    expect(stored).toMatchObject({ key: 'invoices/INV-1.pdf', size: 8, contentType: 'application/pdf' })
    expect(objects.get('invoices/INV-1.pdf')?.body.toString()).toBe('%PDF-1.7')
    await storage.delete('invoices/INV-1.pdf')
    expect(objects.has('invoices/INV-1.pdf')).toBe(false)
  })

  test('write past maxBytes (small body): rejects with tooLarge before any PUT', async () => {
    const storage = createS3Storage(options)
    const body = Readable.from([Buffer.alloc(600), Buffer.alloc(600)])
    await expect(storage.write('uploads/big.png', body, { contentType: 'image/png', maxBytes: 1000 })).rejects.toMatchObject({ code: 'tooLarge' })
    expect(requests.filter((r) => r.method !== 'HEAD')).toEqual([])
    expect(objects.size).toBe(0)
  })

  test('write past maxBytes (multipart): the started upload is aborted, no object appears', async () => {
    const storage = createS3Storage(options)
    const mb = Buffer.alloc(1024 * 1024, 7)
    const body = Readable.from(Array.from({ length: 12 }, () => mb)) // 12 MB: parts of 5 MB
    await expect(storage.write('videos/huge.mp4', body, { contentType: 'video/mp4', maxBytes: 11 * 1024 * 1024 })).rejects.toMatchObject({ code: 'tooLarge' })
    const calls = requests.map((r) => `${r.method}${r.query.includes('uploadId') ? ' uploadId' : r.query.includes('uploads') ? ' uploads' : ''}`)
    expect(calls[0]).toBe('POST uploads')
    expect(calls).toContain('DELETE uploadId') // AbortMultipartUpload
    expect(calls).not.toContain('POST uploadId') // no CompleteMultipartUpload
    expect(objects.size).toBe(0)
  })

  test('list: ListObjectsV2 page by page (continuation tokens) with size and LastModified; foreign keys skipped', async () => {
    const storage = createS3Storage(options)
    const old = new Date('2024-05-06T07:08:09Z')
    const recent = new Date('2025-02-03T04:05:06Z')
    objects.set('courses/a/uploads/x.mp4', { body: Buffer.from('0123456789'), type: 'video/mp4', modified: old })
    objects.set('courses/a/uploads/x/hls/master.m3u8', { body: Buffer.from('#EXTM3U'), type: 'application/vnd.apple.mpegurl', modified: recent })
    objects.set('courses/a/uploads/x/hls/360p/segment-000.ts', { body: Buffer.from('ts'), type: 'video/mp2t', modified: recent })
    objects.set('courses/a/videos/les & <1>.mp4', { body: Buffer.from('v'), type: 'video/mp4', modified: old })
    objects.set('courses/a/uploads/a//b.mp4', { body: Buffer.from('foreign'), type: 'video/mp4', modified: old }) // not a key we accept
    objects.set('invoices/INV-1.pdf', { body: Buffer.from('%PDF'), type: 'application/pdf', modified: old })

    const listed = []
    for await (const object of storage.list!('courses/')) listed.push(object)
    expect(listed).toEqual([
      { key: 'courses/a/uploads/x.mp4', size: 10, lastModified: old },
      { key: 'courses/a/uploads/x/hls/360p/segment-000.ts', size: 2, lastModified: recent },
      { key: 'courses/a/uploads/x/hls/master.m3u8', size: 7, lastModified: recent },
      { key: 'courses/a/videos/les & <1>.mp4', size: 1, lastModified: old },
    ])
    const lists = requests.filter((r) => r.method === 'GET')
    expect(lists).toHaveLength(3) // 5 keys under the prefix, 2 per page
    for (const [page, request] of lists.entries()) {
      const query = new URLSearchParams(request.query)
      expect(request.path).toMatch(/^\/media\/?$/)
      expect(query.get('list-type')).toBe('2')
      expect(query.get('prefix')).toBe('courses/')
      expect(query.get('continuation-token')).toBe(page === 0 ? null : String(page * LIST_PAGE))
    }

    requests.length = 0
    const all = []
    for await (const object of storage.list!('')) all.push(object.key)
    expect(all).toContain('invoices/INV-1.pdf')
    expect(new URLSearchParams(requests[0]!.query).has('prefix')).toBe(false)
  })

  test('list: an empty prefix listing is one request; bad prefixes are refused before any request', async () => {
    const storage = createS3Storage(options)
    const listed = []
    for await (const object of storage.list!('nothing/')) listed.push(object)
    expect(listed).toEqual([])
    expect(requests).toHaveLength(1)
    requests.length = 0
    for (const prefix of ['courses', '../', '/abs/', 'a//', '.hidden/']) {
      expect(() => storage.list!(prefix)).toThrow(expect.objectContaining({ code: 'invalidKey' }))
    }
    expect(requests).toEqual([])
  })

  test('keys are validated before any request', async () => {
    const storage = createS3Storage(options)
    await expect(storage.stat('../x')).rejects.toMatchObject({ code: 'invalidKey' })
    await expect(storage.read('a//b')).rejects.toMatchObject({ code: 'invalidKey' })
    await expect(storage.write('/abs', Readable.from(['x']), { contentType: 'text/plain', maxBytes: 5 })).rejects.toMatchObject({ code: 'invalidKey' })
    await expect(storage.delete('a\\b')).rejects.toMatchObject({ code: 'invalidKey' })
    expect(requests).toEqual([])
  })
})
