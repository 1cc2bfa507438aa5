import { chmod, readFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { grantCourseAccess, revokeCourseAccess, signMediaUrl } from '@jouwbot/api/courses'
import { eq, lessons } from '@jouwbot/db'
import { budget } from '../helpers/budget.ts'
import { freePort } from '../helpers/free-port.ts'
import { expectRefused } from '../helpers/media.ts'
import { insertUser } from '../helpers/coaching.ts'
import { seedPremiumCursus } from '../helpers/course.ts'
import { TEST_MEDIA_SECRET, testStorage } from '../helpers/deps.ts'
import { assertNginxInstalled, deployMediaConfig, nginxPrefix, startNginx, type RunningNginx } from '../helpers/nginx.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/*
 * MEDIA_DELIVERY=x-accel behind the REAL nginx running the media part of the deploy example
 * (apps/server/deploy/nginx/jouwbot.conf, read from that file): auth_request asks the app once per signed
 * URL, nginx keeps the "yes" (at most 5 s, never past the URL's expiry) and serves the ranges itself.
 * The app runs as in production (composeServer, the cached authoriser, the database) on the real clock,
 * because nginx's cache runs on it. Without nginx this file fails (never skips): .ci/run installs it.
 */

const SIZE = 1024 * 1024
const VIDEO = Buffer.from(Array.from({ length: SIZE }, (_, i) => (i * 31 + (i >> 8) * 7) & 0xff))
const KEY = 'videos/nginx-test.mp4'
/** A key whose X-Accel-Redirect needs percent-decoding: nginx's fast path leaves it to the app's per-request answer. */
const ENCODED_KEY = 'videos/les 1 (nginx).mp4'
/** The documented window (deploy/nginx/jouwbot.conf, README): revocation takes effect within 5 s. */
const REVOCATION_WINDOW_MS = 5000

let server: TestServer
/** What stopAll still has to stop. */
let toStop: { app?: TestServer; nginx?: RunningNginx } = {}
let base: string
let accessLog: string
let courseId: string
const lessonIds = {} as Record<'video' | 'missing' | 'encoded', string>

beforeAll(async () => {
  assertNginxInstalled()
  server = await startTestServer({ webDist: null, parts: { mediaDelivery: 'x-accel', xAccelPrefix: '/_protected_media/' } })
  toStop.app = server
  try {
    // nginx's cache lives on the real clock; so must the app's URL expiry, its "yes" cache and X-Accel-Expires.
    server.deps.clock.now = () => new Date()
    const { course, lessons: rows } = await seedPremiumCursus(server.deps)
    courseId = course.id
    const paid = rows.filter((lesson) => !lesson.freePreview && lesson.videoKey)
    expect(paid.length).toBeGreaterThanOrEqual(3)
    lessonIds.video = paid[0]!.id
    lessonIds.missing = paid[1]!.id
    lessonIds.encoded = paid[2]!.id
    const mediaRoot = path.dirname(testStorage.localPath!(KEY)).replace(/\/videos$/, '')
    for (const key of [KEY, ENCODED_KEY]) await testStorage.write(key, Readable.from([VIDEO]), { contentType: 'video/mp4', maxBytes: SIZE })
    await server.deps.db.update(lessons).set({ videoKey: KEY }).where(eq(lessons.id, lessonIds.video))
    await server.deps.db.update(lessons).set({ videoKey: 'videos/nginx-not-there.mp4' }).where(eq(lessons.id, lessonIds.missing))
    await server.deps.db.update(lessons).set({ videoKey: ENCODED_KEY }).where(eq(lessons.id, lessonIds.encoded))
    server.deps.courses.invalidate()
    // When root runs this, nginx's workers (nobody) must read the media folder.
    if (process.getuid?.() === 0) await chmod(mediaRoot, 0o755)

    const dir = await nginxPrefix()
    accessLog = path.join(dir, 'access.log')
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    const media = deployMediaConfig({ mediaRoot, cacheDir: path.join(dir, 'cache') })
    toStop.nginx = await startNginx(
      dir,
      `${media.cache}
${media.map}
  upstream jouwbot_app { server ${new URL(server.url).host}; keepalive 8; keepalive_timeout 4s; }
  # Subrequests too, with their cache status: how often nginx asked the app.
  log_format media '$uri $upstream_cache_status';
  server {
    listen 127.0.0.1:${port};
    log_subrequest on;
    access_log ${accessLog} media;
    location / { proxy_pass http://jouwbot_app; proxy_http_version 1.1; proxy_set_header Connection ""; }
${media.server}
  }`,
      `${base}/healthz`,
    )
  } catch (error) {
    await stopAll()
    throw error
  }
})
afterAll(() => stopAll())

/** Stops nginx (removing its folder) and the app; once, whichever of beforeAll and afterAll gets here first. */
async function stopAll() {
  const { app, nginx } = toStop
  toStop = {}
  await nginx?.stop()
  await app?.close()
}

let members = 0
/** A new member (so no cache of an earlier test answers for it), entitled unless told otherwise. */
async function member(entitled = true) {
  const user = await insertUser(server.deps, 'member', `Kijker${++members}`)
  const grant: Parameters<typeof grantCourseAccess>[1] = { userId: user.id, courseId, source: 'admin_grant', sourceRef: 'manual', actorUserId: null }
  if (entitled) await grantCourseAccess(server.deps.db, grant, new Date())
  return { id: user.id, grant }
}

const signed = (userId: string, lessonId = lessonIds.video, expiresAt = new Date(Date.now() + 3600_000)) =>
  base + signMediaUrl(TEST_MEDIA_SECRET, { userId, lessonId, expiresAt })
const get = (url: string, headers: Record<string, string> = {}, method = 'GET') => fetch(url, { method, headers, redirect: 'manual' })
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer())
const ranged = (url: string, start = 1000, end = 262143) => get(url, { range: `bytes=${start}-${end}` })

async function expectRange(response: Response, start = 1000, end = 262143) {
  expect(response.status).toBe(206)
  expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${SIZE}`)
  expect((await bytes(response)).equals(VIDEO.subarray(start, end + 1))).toBe(true)
}

/** The auth subrequests nginx logged since `from` (a log length): `HIT`, `MISS`, `EXPIRED`, … */
async function authChecks(from: number) {
  const log = (await readFile(accessLog, 'utf8')).slice(from)
  return log.split('\n').filter((line) => line.startsWith('/_media_auth ')).map((line) => line.split(' ')[1])
}
const logLength = async () => (await readFile(accessLog, 'utf8').catch(() => '')).length

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('x-accel behind nginx (deploy example): served', () => {
  test('an authorised range: 206 with exactly those bytes and the media headers; later ranges reuse the answer', async () => {
    const { id } = await member()
    const url = signed(id)
    const from = await logLength()
    const response = await ranged(url)
    expect(response.headers.get('content-type')).toBe('video/mp4')
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('etag')).toBeTruthy()
    expect(response.headers.get('last-modified')).toBe((await testStorage.stat(KEY))!.lastModified.toUTCString())
    expect(response.headers.get('x-accel-redirect')).toBeNull()
    expect(response.headers.get('x-accel-expires')).toBeNull()
    await expectRange(response)
    for (let i = 0; i < 5; i++) await expectRange(await ranged(url, i * 1000, i * 1000 + 999), i * 1000, i * 1000 + 999)
    // One question to the app for six ranges (the answer lives ≥ 4 s; these took far less).
    const checks = await authChecks(from)
    expect(checks[0]).toBe('MISS')
    expect(checks.slice(1)).toEqual(Array(5).fill('HIT'))
  })

  test('whole file, HEAD, 416, 304 and If-Range as nginx answers them', async () => {
    const { id } = await member()
    const url = signed(id)
    const whole = await get(url)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-length')).toBe(String(SIZE))
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect((await bytes(whole)).equals(VIDEO)).toBe(true)
    const etag = whole.headers.get('etag')!

    const head = await get(url, { range: 'bytes=10-19' }, 'HEAD')
    expect(head.status).toBe(206)
    expect(head.headers.get('content-range')).toBe(`bytes 10-19/${SIZE}`)
    expect((await bytes(head)).length).toBe(0)

    const past = await get(url, { range: `bytes=${SIZE}-` })
    expect(past.status).toBe(416)
    expect(past.headers.get('content-range')).toBe(`bytes */${SIZE}`)
    await past.arrayBuffer()

    const notModified = await get(url, { 'cache-control': 'max-age=0', 'if-none-match': etag })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('etag')).toBe(etag)
    expect(notModified.headers.get('cache-control')).toBe('private, max-age=3600')
    expect((await bytes(notModified)).length).toBe(0)

    expect((await bytes(await get(url, { range: 'bytes=0-99', 'if-range': etag }))).length).toBe(100)
    const otherVersion = await get(url, { range: 'bytes=0-99', 'if-range': '"an-older-version"' })
    expect(otherVersion.status).toBe(200)
    expect((await bytes(otherVersion)).length).toBe(SIZE)
  })

  test('a key that needs percent-decoding is served through the app’s per-request X-Accel-Redirect', async () => {
    const { id } = await member()
    const url = signed(id, lessonIds.encoded)
    const response = await ranged(url)
    expect(response.headers.get('content-type')).toBe('video/mp4')
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-accel-redirect')).toBeNull()
    await expectRange(response)
  })
})

describe('x-accel behind nginx (deploy example): refused', () => {
  test('bad signature, expired URL, another member’s URL, a member without access: 403 JSON, also for HEAD', async () => {
    const { id } = await member()
    const outsider = await member(false)
    const good = new URL(signed(id))
    await expectRange(await ranged(good.href)) // the good URL's "yes" is now in nginx's cache

    const badSignature = new URL(good)
    badSignature.searchParams.set('s', good.searchParams.get('s')!.slice(0, -1) + (good.searchParams.get('s')!.endsWith('A') ? 'B' : 'A'))
    const otherUser = new URL(good)
    otherUser.searchParams.set('u', outsider.id)
    const expired = signed(id, lessonIds.video, new Date(Date.now() - 1000))
    for (const url of [badSignature.href, otherUser.href, expired, signed(outsider.id)]) {
      await expectRefused(await ranged(url), 403, 'error.forbidden')
      const head = await get(url, {}, 'HEAD')
      expect(head.status).toBe(403)
      expect((await bytes(head)).length).toBe(0)
    }
  })

  test('a lesson whose video file is missing: 404 JSON', async () => {
    const { id } = await member()
    await expectRefused(await ranged(signed(id, lessonIds.missing)), 404, 'error.notFound')
  })

  test('the internal locations cannot be requested directly: 404', async () => {
    for (const target of [`/_protected_media/${KEY}`, '/_protected_media/', '/_media_auth', `/_media_auth/media/lessons/${lessonIds.video}/video`]) {
      const response = await get(base + target)
      expect(response.status, target).toBe(404)
      await response.arrayBuffer()
    }
  })
})

describe('x-accel behind nginx (deploy example): how long a "yes" lasts', () => {
  test(`revoking access takes effect within ${REVOCATION_WINDOW_MS / 1000} s, through the app's cache and nginx's`, async () => {
    const { id, grant } = await member()
    const first = signed(id, lessonIds.video, new Date(Date.now() + 3600_000))
    const second = signed(id, lessonIds.video, new Date(Date.now() + 7200_000)) // same member and lesson, another URL
    await expectRange(await ranged(first)) // the app asks the database: its "yes" and nginx's copy start now
    const revokedAt = Date.now()
    await revokeCourseAccess(server.deps.db, grant, new Date(revokedAt))
    await sleep(2500)
    // nginx has not seen `second`: the app answers from its own cached "yes", and nginx may keep that
    // answer only as long as the app would (not another 5 s from now).
    const refused = new Set<string>()
    for (let url = second; refused.size < 2; url = url === first ? second : first) {
      expect(Date.now() - revokedAt).toBeLessThan(REVOCATION_WINDOW_MS + budget(3000)) // bounds the loop; asserted exactly below
      const started = Date.now()
      const response = await ranged(url)
      if (response.status === 206) {
        // Served: by a "yes" from before the revocation, so within the window.
        expect(started - revokedAt).toBeLessThan(REVOCATION_WINDOW_MS)
        expect(refused.has(url)).toBe(false)
        await expectRange(response)
        await sleep(50)
      } else {
        await expectRefused(response, 403, 'error.forbidden')
        refused.add(url)
      }
    }
  })

  test('the cache never serves a URL at or after its own expiry', async () => {
    const { id } = await member()
    // Expires in 2–3 s: well inside the 5 s that a "yes" may otherwise live.
    const expiresUnix = Math.floor(Date.now() / 1000) + 3
    const url = signed(id, lessonIds.video, new Date(expiresUnix * 1000))
    const from = await logLength()
    await expectRange(await ranged(url))
    while (Date.now() < expiresUnix * 1000 - 300) {
      await expectRange(await ranged(url))
      await sleep(100)
    }
    expect((await authChecks(from)).filter((status) => status === 'HIT').length).toBeGreaterThan(0)
    await sleep(expiresUnix * 1000 - Date.now() + 20)
    await expectRefused(await ranged(url), 403, 'error.forbidden')
  })

  test("a player's ranges over 6 s: the app is asked once per renewal, not for every range of a renewal's second", async () => {
    const { id } = await member()
    const url = signed(id)
    const from = await logLength()
    const until = Date.now() + 6000
    let ranges = 0
    for (; Date.now() < until; ranges++) {
      await expectRange(await ranged(url, 0, 99), 0, 99)
      await sleep(50)
    }
    const checks = await authChecks(from)
    expect(checks).toHaveLength(ranges)
    // The first range, and one renewal each time the "yes" ran out (every 4–5 s: at most two in 6 s).
    expect(checks.filter((status) => status !== 'HIT').length).toBeLessThanOrEqual(3)
  })

  test('a "no" is not kept: access granted after a refusal works at once', async () => {
    const { id, grant } = await member(false)
    const url = signed(id)
    await expectRefused(await ranged(url), 403, 'error.forbidden')
    await grantCourseAccess(server.deps.db, grant, new Date())
    await expectRange(await ranged(url))
  })
})
