import { request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

// The built web client (apps/web/dist, `pnpm --filter @jouwbot/web build`) with the .br and .gz
// files its build writes next to each asset.
let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.close()
})

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** The bytes as sent (node:http does not decompress, unlike fetch). */
  body: Buffer
}

function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

function decoded(response: Raw): Buffer {
  const encoding = response.headers['content-encoding']
  if (encoding === 'br') return brotliDecompressSync(response.body)
  if (encoding === 'gzip') return gunzipSync(response.body)
  expect(encoding).toBeUndefined()
  return response.body
}

/** A session cookie (any value): the page goes out as the plain shell, not server-rendered for a visitor. */
const MEMBER = { cookie: 'jb_session=lid' }

/** The entry script and stylesheet the shell links to (hashed names change with every build). */
async function shellAssets(): Promise<{ script: string; stylesheet: string }> {
  const html = decoded(await get('/', MEMBER)).toString('utf8')
  const script = /<script type="module" crossorigin src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1]
  const stylesheet = /<link rel="stylesheet" crossorigin href="(\/assets\/index-[^"]+\.css)"/.exec(html)?.[1]
  expect(script).toBeDefined()
  expect(stylesheet).toBeDefined()
  return { script: script!, stylesheet: stylesheet! }
}

describe('hashed assets', () => {
  test('go out brotli-compressed when accepted, gzip otherwise, identical once decoded, with the type, caching and Vary of the file', async () => {
    const { script, stylesheet } = await shellAssets()
    for (const path of [script, stylesheet]) {
      const plain = await get(path, { 'accept-encoding': 'identity' })
      expect(plain.status, path).toBe(200)
      expect(plain.headers['content-encoding'], path).toBeUndefined()
      // serve-static and express-static-gzip spell the charset differently (UTF-8, utf-8).
      const type = String(plain.headers['content-type']).toLowerCase()
      expect(type, path).toMatch(path.endsWith('.js') ? /javascript/ : /^text\/css/)

      const br = await get(path, { 'accept-encoding': 'gzip, deflate, br, zstd' })
      expect(br.status, path).toBe(200)
      expect(br.headers['content-encoding'], path).toBe('br')
      expect(String(br.headers['content-type']).toLowerCase(), path).toBe(type)
      expect(br.body.length, path).toBeLessThan(plain.body.length / 2)
      expect(decoded(br).equals(plain.body), path).toBe(true)

      const gz = await get(path, { 'accept-encoding': 'gzip' })
      expect(gz.headers['content-encoding'], path).toBe('gzip')
      expect(String(gz.headers['content-type']).toLowerCase(), path).toBe(type)
      expect(decoded(gz).equals(plain.body), path).toBe(true)

      // A client that refuses brotli explicitly gets gzip.
      expect((await get(path, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding'], path).toBe('gzip')

      for (const response of [plain, br, gz]) {
        expect(response.headers.vary, path).toMatch(/accept-encoding/i)
        expect(response.headers['cache-control'], path).toBe('public, max-age=31536000, immutable')
        expect(response.headers.etag, path).toBeTruthy()
      }
      // Each encoding is its own representation, with its own validator.
      expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size, path).toBe(3)
    }
  })

  test('a matching If-None-Match answers 304; an unknown asset is a 404, not the shell', async () => {
    const { script } = await shellAssets()
    const br = await get(script, { 'accept-encoding': 'br' })
    const again = await get(script, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    const missing = await get('/assets/bestaat-niet-123.js', { 'accept-encoding': 'br' })
    expect(missing.status).toBe(404)
    expect(missing.body.toString('utf8')).not.toContain('<div id="root">')
  })
})

describe('the page shell (index.html, filled per request)', () => {
  test.each([
    ['the plain shell (a member)', MEMBER, '<div id="root"></div>'],
    ['a page server-rendered for a visitor', {}, '<div id="root"><'],
  ])('%s is compressed as the browser accepts, never cached without revalidation, and answers 304 to its ETag', async (_name, cookie, root) => {
    const plain = await get('/prijzen', { ...cookie, 'accept-encoding': 'identity' })
    expect(plain.status).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString('utf8')).toContain(root)

    for (const encoding of ['br', 'gzip'] as const) {
      const accept = encoding === 'br' ? 'gzip, deflate, br' : 'gzip, deflate'
      const response = await get('/prijzen', { ...cookie, 'accept-encoding': accept })
      expect(response.status, encoding).toBe(200)
      expect(response.headers['content-encoding'], encoding).toBe(encoding)
      expect(response.headers['content-type'], encoding).toMatch(/^text\/html/)
      expect(response.headers['cache-control'], encoding).toBe('no-cache')
      expect(response.headers.vary, encoding).toMatch(/accept-encoding/i)
      expect(decoded(response).toString('utf8'), encoding).toBe(plain.body.toString('utf8'))
      const again = await get('/prijzen', { ...cookie, 'accept-encoding': accept, 'if-none-match': String(response.headers.etag) })
      expect(again.status, encoding).toBe(304)
    }
  })

  test('the 404 shell is compressed too and keeps its status', async () => {
    const missing = await get('/bestaat-niet', { 'accept-encoding': 'br' })
    expect(missing.status).toBe(404)
    expect(missing.headers['content-encoding']).toBe('br')
    expect(decoded(missing).toString('utf8')).toContain('<div id="root"></div>')
  })

  test('root files (icons, manifest) come precompressed where the build wrote a variant', async () => {
    const plain = await get('/favicon.ico', { 'accept-encoding': 'identity' })
    expect(plain.status).toBe(200)
    const br = await get('/favicon.ico', { 'accept-encoding': 'br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(String(br.headers['content-type']).toLowerCase()).toBe(String(plain.headers['content-type']).toLowerCase())
    expect(br.headers['cache-control']).toBe('public, max-age=3600')
    expect(decoded(br).equals(plain.body)).toBe(true)
  })
})
