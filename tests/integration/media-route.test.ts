import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import express from 'express'
import { pino } from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { signMediaUrl } from '@jouwbot/api/courses'
import { mediaHandler, mediaRouter, type MediaRouterOptions } from '@jouwbot/server/http/courses'
import { createLocalStorage, type Storage, type StoredObject } from '@jouwbot/storage'
import { expectRefused } from '../helpers/media.ts'

const SECRET = 'media-test-secret-0123456789abcdefghij'
const SIZE = 1024 * 1024
/** 1 MB of deterministic, non-repeating-looking bytes. */
const VIDEO = Buffer.from(Array.from({ length: SIZE }, (_, i) => (i * 31 + (i >> 8) * 7) & 0xff))
const T0 = new Date('2026-03-01T12:00:00Z')
const IN_AN_HOUR = new Date(T0.getTime() + 3600_000)

const ALICE = 'user-alice'
const BOB = 'user-bob'
const LESSON = '5b0c1e1a-7d7e-4a53-9d1b-0f6c1a2b3c4d'
const OTHER_LESSON = 'lesson-2'

let root: string
let storage: Storage
let clock: Date
const logged: Array<{ msg?: string }> = []
const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line) as { msg?: string }) })
/** The fake entitlement store: `${userId}/${lessonId}` → storage key. */
const entitled = new Map<string, string>()
const servers: Server[] = []

type Mount = 'router' | 'handler'

/**
 * A tiny app with the media route, mounted as an Express Router (`app.use(mediaRouter(...))`) or as a
 * plain node:http handler in front of Express (`mediaHandler`); everything else answers 418.
 */
async function start(overrides: Partial<MediaRouterOptions> = {}, mount: Mount = 'router'): Promise<string> {
  const options: MediaRouterOptions = {
    secret: SECRET,
    storage,
    authorize: async (userId, lessonId) => {
      const key = entitled.get(`${userId}/${lessonId}`)
      return key ? { key } : null
    },
    now: () => clock,
    delivery: 'node',
    logger,
    ...overrides,
  }
  const app = express()
  if (mount === 'router') app.use(mediaRouter(options))
  app.use((_req, res) => void res.status(418).json({ from: 'app' }))
  const media = mediaHandler(options)
  const server = mount === 'router' ? createServer(app) : createServer((req, res) => media(req, res) || app(req, res))
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  servers.push(server)
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const bases = {} as Record<Mount, string>
let base: string
const url = (userId = ALICE, lessonId = LESSON, expiresAt = IN_AN_HOUR) => base + signMediaUrl(SECRET, { userId, lessonId, expiresAt })
const get = (target: string, headers: Record<string, string> = {}, method = 'GET') => fetch(target, { method, headers, redirect: 'manual' })
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer())

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'jouwbot-media-'))
  await mkdir(path.join(root, 'media', 'videos'), { recursive: true })
  await writeFile(path.join(root, 'media', 'videos', 'sample.mp4'), VIDEO)
  await writeFile(path.join(root, 'outside.txt'), 'not for members')
  storage = createLocalStorage(path.join(root, 'media'))
  bases.router = await start({}, 'router')
  bases.handler = await start({}, 'handler')
})
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
  await rm(root, { recursive: true, force: true })
})
beforeEach(() => {
  clock = T0
  logged.length = 0
  entitled.clear()
  entitled.set(`${ALICE}/${LESSON}`, 'videos/sample.mp4')
  entitled.set(`${BOB}/${LESSON}`, 'videos/sample.mp4')
})

describe.each(['router', 'handler'] as const)('media route (%s), node delivery: bytes and ranges', (mount) => {
  beforeEach(() => {
    base = bases[mount]
  })

  test('a valid URL gets the whole file with media headers', async () => {
    const response = await get(url())
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('video/mp4')
    expect(response.headers.get('content-length')).toBe(String(SIZE))
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600')
    expect(response.headers.get('etag')).toBe((await storage.stat('videos/sample.mp4'))!.etag)
    expect(response.headers.get('last-modified')).toBe((await storage.stat('videos/sample.mp4'))!.lastModified.toUTCString())
    expect((await bytes(response)).equals(VIDEO)).toBe(true)
  })

  test.each([
    ['first byte', 'bytes=0-0', 0, 0],
    ['a middle range', 'bytes=1000-262143', 1000, 262143],
    ['open-ended', `bytes=${SIZE - 1234}-`, SIZE - 1234, SIZE - 1],
    ['suffix', 'bytes=-500', SIZE - 500, SIZE - 1],
    ['an end past the size (clamped)', `bytes=${SIZE - 10}-${SIZE + 999}`, SIZE - 10, SIZE - 1],
  ])('%s: 206 with Content-Range and exactly those bytes', async (_name, range, start, end) => {
    const response = await get(url(), { range })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${SIZE}`)
    expect(response.headers.get('content-length')).toBe(String(end - start + 1))
    expect(response.headers.get('content-type')).toBe('video/mp4')
    expect((await bytes(response)).equals(VIDEO.subarray(start, end + 1))).toBe(true)
  })

  test.each([`bytes=${SIZE}-`, `bytes=${SIZE + 10}-${SIZE + 20}`])('past the end (%s): 416 with Content-Range: bytes */size', async (range) => {
    const response = await get(url(), { range })
    expect(response.status).toBe(416)
    expect(response.headers.get('content-range')).toBe(`bytes */${SIZE}`)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ error: { message: 'error.rangeNotSatisfiable' } })
  })

  test('HEAD: the same headers, no body', async () => {
    const response = await get(url(), {}, 'HEAD')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe(String(SIZE))
    expect(response.headers.get('content-type')).toBe('video/mp4')
    expect(response.headers.get('etag')).toBeTruthy()
    expect((await bytes(response)).length).toBe(0)

    const ranged = await get(url(), { range: 'bytes=10-19' }, 'HEAD')
    expect(ranged.status).toBe(206)
    expect(ranged.headers.get('content-range')).toBe(`bytes 10-19/${SIZE}`)
    expect((await bytes(ranged)).length).toBe(0)
  })

  test('conditional requests: If-None-Match and If-Modified-Since → 304, If-Range decides between part and whole', async () => {
    const first = await get(url())
    const etag = first.headers.get('etag')!
    const lastModified = first.headers.get('last-modified')!
    await first.arrayBuffer()

    // fetch() adds `Cache-Control: no-cache` to conditional requests unless one is given (Fetch spec,
    // cache mode "no-store"), and a server must then answer in full; a player revalidating does not.
    const revalidate = { 'cache-control': 'max-age=0' }
    const notModified = await get(url(), { ...revalidate, 'if-none-match': etag })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('etag')).toBe(etag)
    expect((await bytes(notModified)).length).toBe(0)
    expect((await get(url(), { ...revalidate, 'if-modified-since': lastModified })).status).toBe(304)
    const changed = await get(url(), { ...revalidate, 'if-none-match': '"something-else"' })
    expect(changed.status).toBe(200)
    await changed.arrayBuffer()

    const sameVersion = await get(url(), { range: 'bytes=0-99', 'if-range': etag })
    expect(sameVersion.status).toBe(206)
    expect((await bytes(sameVersion)).length).toBe(100)
    const otherVersion = await get(url(), { range: 'bytes=0-99', 'if-range': '"an-older-version"' })
    expect(otherVersion.status).toBe(200)
    expect((await bytes(otherVersion)).length).toBe(SIZE)
  })
})

describe.each(['router', 'handler'] as const)('media route (%s): refusals', (mount) => {
  beforeEach(() => {
    base = bases[mount]
  })

  test('an expired URL → 403 (also exactly at its expiry)', async () => {
    const target = url(ALICE, LESSON, new Date(T0.getTime() + 60_000))
    clock = new Date(T0.getTime() + 59_000)
    expect((await get(target, { range: 'bytes=0-0' })).status).toBe(206)
    clock = new Date(T0.getTime() + 60_000)
    await expectRefused(await get(target), 403, 'error.forbidden')
    clock = new Date(T0.getTime() + 86_400_000)
    await expectRefused(await get(target), 403, 'error.forbidden')
  })

  test.each([
    ['signature, last character', (u: URL) => u.searchParams.set('s', flipLast(u.searchParams.get('s')!))],
    ['signature, padded', (u: URL) => u.searchParams.set('s', u.searchParams.get('s')! + '=')],
    ['signature, missing', (u: URL) => u.searchParams.delete('s')],
    ['signature, doubled', (u: URL) => u.searchParams.append('s', u.searchParams.get('s')!)],
    ['user', (u: URL) => u.searchParams.set('u', 'user-mallory')],
    ["another entitled user's id", (u: URL) => u.searchParams.set('u', BOB)],
    ['expiry, later', (u: URL) => u.searchParams.set('e', String(Number(u.searchParams.get('e')) + 3600))],
    ['expiry, leading zero', (u: URL) => u.searchParams.set('e', '0' + u.searchParams.get('e'))],
    ['lesson', (u: URL) => (u.pathname = u.pathname.replace(LESSON, OTHER_LESSON))],
  ])('a tampered URL (%s) → 403', async (_what, tamper) => {
    entitled.set(`${ALICE}/${OTHER_LESSON}`, 'videos/sample.mp4')
    entitled.set(`user-mallory/${LESSON}`, 'videos/sample.mp4')
    const target = new URL(url())
    // Verified once first: a remembered good signature must not let a changed URL through.
    expect((await get(target.href, { range: 'bytes=0-0' })).status).toBe(206)
    tamper(target)
    await expectRefused(await get(target.href), 403, 'error.forbidden')
  })

  test('a valid URL whose access was revoked → 403', async () => {
    const target = url()
    expect((await get(target, { range: 'bytes=0-0' })).status).toBe(206)
    entitled.delete(`${ALICE}/${LESSON}`)
    await expectRefused(await get(target, { range: 'bytes=1-1' }), 403, 'error.forbidden')
  })

  test('no file under the key → 404', async () => {
    entitled.set(`${ALICE}/${LESSON}`, 'videos/missing.mp4')
    await expectRefused(await get(url()), 404, 'error.notFound')
  })

  test('a file deleted after it was served → 404 (not the remembered stat)', async () => {
    await writeFile(path.join(root, 'media', 'videos', `short-lived-${mount}.mp4`), 'soon gone')
    entitled.set(`${ALICE}/${LESSON}`, `videos/short-lived-${mount}.mp4`)
    expect(await (await get(url())).text()).toBe('soon gone')
    await storage.delete(`videos/short-lived-${mount}.mp4`)
    await expectRefused(await get(url()), 404, 'error.notFound')
  })

  test('a refused HEAD has no body', async () => {
    const response = await get(url(BOB, OTHER_LESSON), {}, 'HEAD')
    expect(response.status).toBe(403)
    expect((await bytes(response)).length).toBe(0)
  })

  test('other paths and methods are left to the app', async () => {
    expect((await get(`${base}/media/lessons/${LESSON}/other`)).status).toBe(418)
    expect((await get(`${base}/healthz`)).status).toBe(418)
    const post = await fetch(url(), { method: 'POST' })
    expect(post.status).toBe(418)
  })

  test('a path-traversal key from the authorizer is refused by the storage: 500, logged, nothing leaked', async () => {
    entitled.set(`${ALICE}/${LESSON}`, '../outside.txt')
    const response = await get(url())
    const body = await response.text()
    expect(response.status).toBe(500)
    expect(JSON.parse(body)).toEqual({ error: { message: 'error.generic' } })
    expect(body).not.toContain('not for members')
    expect(body).not.toMatch(/StorageError|at .*\.ts|\/tmp\//)
    expect(logged.map((l) => l.msg)).toEqual(['media delivery failed'])
  })

  test('the signer refuses ids that could make the signed message ambiguous', () => {
    expect(() => signMediaUrl(SECRET, { userId: 'a.b', lessonId: LESSON, expiresAt: IN_AN_HOUR })).toThrow()
    expect(() => signMediaUrl(SECRET, { userId: ALICE, lessonId: '../x', expiresAt: IN_AN_HOUR })).toThrow()
    expect(() => signMediaUrl('too short', { userId: ALICE, lessonId: LESSON, expiresAt: IN_AN_HOUR })).toThrow()
  })
})

describe('media route: x-accel and redirect delivery', () => {
  test('x-accel: X-Accel-Redirect with the (encoded) key, no body; refusals carry no header', async () => {
    const accel = await start({ delivery: 'x-accel', xAccelPrefix: '/_protected_media/' })
    const signed = signMediaUrl(SECRET, { userId: ALICE, lessonId: LESSON, expiresAt: IN_AN_HOUR })
    for (const method of ['GET', 'HEAD']) {
      const response = await get(accel + signed, { range: 'bytes=0-99' }, method)
      expect(response.status).toBe(200)
      expect(response.headers.get('x-accel-redirect')).toBe('/_protected_media/videos/sample.mp4')
      // nginx's auth cache may reuse this "yes" up to the last whole second before now + 5 s.
      expect(response.headers.get('x-accel-expires')).toBe(`@${T0.getTime() / 1000 + 4}`)
      expect(response.headers.get('cache-control')).toBe('private, max-age=3600')
      expect(response.headers.get('content-type')).toBe('video/mp4')
      expect((await bytes(response)).length).toBe(0)
    }

    await writeFile(path.join(root, 'media', 'videos', 'les 1?#.mp4'), 'x')
    entitled.set(`${ALICE}/${LESSON}`, 'videos/les 1?#.mp4')
    expect((await get(accel + signed)).headers.get('x-accel-redirect')).toBe('/_protected_media/videos/les%201%3F%23.mp4')

    // Never at or past the URL's own expiry (nginx keeps an entry to the end of the second named).
    const soon = accel + signMediaUrl(SECRET, { userId: ALICE, lessonId: LESSON, expiresAt: new Date(T0.getTime() + 2000) })
    expect((await get(soon)).headers.get('x-accel-expires')).toBe(`@${T0.getTime() / 1000 + 1}`)
    clock = new Date(T0.getTime() + 1500)
    expect((await get(soon)).headers.get('x-accel-expires')).toBe(`@${T0.getTime() / 1000 + 1}`)
    clock = T0

    entitled.delete(`${ALICE}/${LESSON}`)
    await expectRefused(await get(accel + signed), 403, 'error.forbidden')
  })

  test('redirect: 302 to a short-lived presigned URL, not cached; missing object → 404', async () => {
    const presigned: Array<{ key: string; expiresInSeconds: number }> = []
    const fakeS3: Storage = {
      kind: 's3',
      stat: async (key): Promise<StoredObject | null> =>
        key === 'videos/sample.mp4' ? { key, size: SIZE, lastModified: T0, etag: '"abc"', contentType: 'video/mp4' } : null,
      read: () => Promise.reject(new Error('not used')),
      write: () => Promise.reject(new Error('not used')),
      delete: () => Promise.reject(new Error('not used')),
      presignedGetUrl: async (key, expiresInSeconds) => {
        presigned.push({ key, expiresInSeconds })
        return `https://media.example.test/bucket/${key}?X-Amz-Expires=${expiresInSeconds}&X-Amz-Signature=fake`
      },
    }
    const redirect = await start({ delivery: 'redirect', storage: fakeS3 })
    const signed = signMediaUrl(SECRET, { userId: ALICE, lessonId: LESSON, expiresAt: IN_AN_HOUR })

    const response = await get(redirect + signed)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('https://media.example.test/bucket/videos/sample.mp4?X-Amz-Expires=300&X-Amz-Signature=fake')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(presigned).toEqual([{ key: 'videos/sample.mp4', expiresInSeconds: 300 }])

    entitled.set(`${ALICE}/${LESSON}`, 'videos/gone.mp4')
    await expectRefused(await get(redirect + signed), 404, 'error.notFound')
    expect(presigned).toHaveLength(1)
  })

  test('a delivery that the storage cannot do is a startup error', () => {
    const base = { secret: SECRET, authorize: async () => null, now: () => clock }
    const noLocal: Storage = { ...storage, kind: 's3', localPath: undefined }
    expect(() => mediaRouter({ ...base, storage: noLocal, delivery: 'node' })).toThrow(/localPath/)
    expect(() => mediaRouter({ ...base, storage, delivery: 'redirect' })).toThrow(/presignedGetUrl/)
    expect(() => mediaRouter({ ...base, storage, delivery: 'x-accel' })).toThrow(/xAccelPrefix/)
    expect(() => mediaRouter({ ...base, storage, delivery: 'node', secret: 'short' })).toThrow(/secret/)
  })
})

/** Changes the last character to another one of the base64url alphabet. */
function flipLast(signature: string): string {
  return signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A')
}
