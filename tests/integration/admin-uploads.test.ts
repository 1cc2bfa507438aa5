import { createReadStream } from 'node:fs'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { Readable } from 'node:stream'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { mediaDir } from '@jouwbot/course-content'
import { and, auditLog, eq, lessons, sql, users, type DatabaseHandle } from '@jouwbot/db'
import { createTestDatabase, truncateAll } from '@jouwbot/db/testing'
import { startJobRunner } from '@jouwbot/jobs'
import { deleteHlsRenditions, hasFfmpeg, makeHlsRenditions, playlistEntries } from '@jouwbot/api/courses'
import { composeServer, type ServerParts } from '@jouwbot/server/compose'
import { lessonHlsJob, QUEUES } from '@jouwbot/server/jobs'
import { createMember, makeStaff, PASSWORD } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { COURSE, seedPremiumCursus } from '../helpers/course.ts'
import { makeDeps, TEST_MEDIA_SECRET, testStorage } from '../helpers/deps.ts'
import { runningJob } from '../helpers/jobs.ts'

const INTRO = path.join(mediaDir, 'videos', 'intro.mp4') // 40 s, faststart
const BOUWEN = path.join(mediaDir, 'videos', 'bouwen.mp4') // 48 s
/** A real 1×1 PNG: what an admin uploads when a screenshot is renamed to .mp4. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/6Xe3VQAAAABJRU5ErkJggg==', 'base64')
const VTT = '\uFEFFWEBVTT\n\n00:00:00.000 --> 00:00:04.000\nWelkom bij de nieuwe les.\n'

let handle: DatabaseHandle
let deps: ReturnType<typeof makeDeps>
const servers: Server[] = []
let url: string
/** The same app with small limits (10 kB video, 100 bytes captions). */
let tinyUrl: string
const storedVideos: string[] = []
let seeded: Awaited<ReturnType<typeof seedPremiumCursus>>

/** The real server (CSRF guard, error handler, every route) composed the way boot does it. */
async function startApp(uploadLimits: ServerParts['uploadLimits'], onVideoStored: ServerParts['onVideoStored'] = (lessonId) => void storedVideos.push(lessonId)): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  const app = composeServer({
    deps: { ...deps, appOrigin: origin },
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    pingDb: async () => {},
    webDist: null,
    mediaSecret: TEST_MEDIA_SECRET,
    mediaDelivery: 'node',
    uploadLimits,
    onVideoStored,
  })
  server.on('request', app)
  return origin
}

beforeAll(async () => {
  handle = await createTestDatabase()
  deps = makeDeps(handle)
  url = await startApp({ video: 5 * 1024 * 1024, captions: 64 * 1024 })
  tinyUrl = await startApp({ video: 10_000, captions: 100 })
})
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  await handle?.close()
})
beforeEach(async () => {
  await truncateAll(handle)
  deps.courses.invalidate()
  storedVideos.length = 0
  await rm(uploadsDir(), { recursive: true, force: true })
  seeded = await seedPremiumCursus(deps)
})

async function cookieOf(client: TestClient) {
  return `jb_session=${client.token}`
}
async function adminCookie() {
  const member = await createMember(deps, { firstName: 'Admin' })
  await makeStaff(deps, member)
  return { cookie: await cookieOf(member.client), client: member.client, email: member.email }
}

interface PutOptions {
  base?: string
  cookie?: string | null
  headers?: Record<string, string>
}
function put(lessonId: string, kind: 'video' | 'captions', body: BodyInit, options: PutOptions = {}) {
  const headers: Record<string, string> = { 'sec-fetch-site': 'same-origin', ...options.headers }
  if (options.cookie) headers.cookie = options.cookie
  return fetch(`${options.base ?? url}/admin/uploads/lessons/${lessonId}/${kind}`, {
    method: 'PUT',
    headers,
    body,
    duplex: 'half',
  } as RequestInit)
}
/** A body without Content-Length (chunked), as a client that does not say how much is coming. */
const streamed = (file: string) => Readable.toWeb(createReadStream(file, { highWaterMark: 4096 })) as ReadableStream<Uint8Array>

const uploadsDir = () => path.dirname(testStorage.localPath!(`courses/${COURSE}/uploads/x`))
/** Every file in the course's upload folder, temp files included. */
async function uploadedFiles(): Promise<string[]> {
  return readdir(uploadsDir()).catch(() => [])
}
async function lessonRow(id: string) {
  const [row] = await deps.db.select().from(lessons).where(eq(lessons.id, id))
  return row!
}
const errorKey = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message

describe('video uploads', () => {
  test('an admin uploads an MP4: stored under a new key, duration read from the file, old upload deleted, shared seed video kept', async () => {
    const { cookie, client } = await adminCookie()
    const lesson = seeded.lessons[2]!
    const seededKey = lesson.videoKey!
    await deps.db.update(lessons).set({ durationSeconds: 7 }).where(eq(lessons.id, lesson.id))
    const outlineDuration = async () =>
      (await (await client.api()).course.outline({ courseSlug: COURSE })).modules.flatMap((m) => m.lessons).find((l) => l.id === lesson.id)!.durationSeconds
    expect(await outlineDuration()).toBe(7) // cached now

    const res = await put(lesson.id, 'video', await readFile(INTRO), { cookie })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { key: string; size: number; durationSeconds: number }
    expect(body).toEqual({ key: expect.stringMatching(new RegExp(`^courses/${COURSE}/uploads/${lesson.id}-[0-9a-f]{12}\\.mp4$`)), size: (await stat(INTRO)).size, durationSeconds: 40 })
    expect(await lessonRow(lesson.id)).toMatchObject({ videoKey: body.key, durationSeconds: 40 })
    expect((await readFile(testStorage.localPath!(body.key))).equals(await readFile(INTRO))).toBe(true)
    expect(await outlineDuration()).toBe(40) // cache invalidated
    // Other lessons still play the seeded file, so it stays.
    expect(await testStorage.stat(seededKey)).not.toBeNull()
    expect(storedVideos).toEqual([lesson.id])

    // Renditions made from the first upload (as the HLS job would write them) go when it is replaced.
    const hls = body.key.replace(/\.mp4$/, '/hls')
    const fakeHls = { [`${hls}/master.m3u8`]: '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n360p/index.m3u8\n', [`${hls}/360p/index.m3u8`]: '#EXTM3U\n#EXTINF:4,\nsegment-000.ts\n', [`${hls}/360p/segment-000.ts`]: 'ts' }
    for (const [k, text] of Object.entries(fakeHls)) await testStorage.write(k, Readable.from([Buffer.from(text)]), { contentType: 'text/plain', maxBytes: 1000 })

    // A second upload (streamed, no Content-Length) replaces the first, which nobody uses any more.
    const again = await put(lesson.id, 'video', streamed(BOUWEN), { cookie })
    expect(again.status).toBe(200)
    const second = (await again.json()) as { key: string; durationSeconds: number }
    expect(second.durationSeconds).toBe(48)
    expect(second.key).not.toBe(body.key)
    expect(await testStorage.stat(body.key)).toBeNull()
    for (const k of Object.keys(fakeHls)) expect(await testStorage.stat(k), k).toBeNull()
    expect(await uploadedFiles()).toEqual([path.basename(second.key)])
    expect(storedVideos).toEqual([lesson.id, lesson.id])

    const audits = await deps.db.select().from(auditLog).where(eq(auditLog.action, 'admin.lesson_video_uploaded'))
    expect(audits.map((a) => a.details)).toEqual([
      expect.objectContaining({ lessonId: lesson.id, key: body.key, previousKey: seededKey, durationSeconds: 40 }),
      expect.objectContaining({ lessonId: lesson.id, key: second.key, previousKey: body.key, durationSeconds: 48 }),
    ])
  })

  test('a PNG named .mp4 is refused by its content: 415 upload.wrongType, nothing stored or changed', async () => {
    const { cookie } = await adminCookie()
    const lesson = seeded.lessons[2]!
    const res = await put(lesson.id, 'video', new Blob([PNG], { type: 'video/mp4' }), { cookie, headers: { 'content-type': 'video/mp4' } })
    expect(res.status).toBe(415)
    expect(await errorKey(res)).toBe('upload.wrongType')
    expect(await uploadedFiles()).toEqual([])
    expect((await lessonRow(lesson.id)).videoKey).toBe(lesson.videoKey)
    expect(storedVideos).toEqual([])
  })

  test('an MP4 whose header claims 2^47 s or 3 days is refused: 400 upload.durationInvalid, nothing stored or changed', async () => {
    const { cookie } = await adminCookie()
    const lesson = seeded.lessons[2]!
    const box = (type: string, body: Buffer) => {
      const header = Buffer.alloc(8)
      header.writeUInt32BE(8 + body.length, 0)
      header.write(type, 4, 'latin1')
      return Buffer.concat([header, body])
    }
    const ftyp = box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2mp41', 'latin1'))
    const mvhd = (timescale: number, duration: bigint) => {
      const body = Buffer.alloc(108)
      body[0] = 1 // version 1: created(8) modified(8) timescale(4) duration(8)
      body.writeUInt32BE(timescale, 20)
      body.writeBigUInt64BE(duration, 24)
      return box('mvhd', body)
    }
    for (const [timescale, duration] of [[1, 2n ** 47n], [1000, 3n * 86_400_000n]] as const) {
      const file = Buffer.concat([ftyp, box('moov', mvhd(timescale, duration)), box('mdat', Buffer.alloc(64))])
      const res = await put(lesson.id, 'video', new Blob([file]), { cookie })
      expect(res.status).toBe(400)
      expect(await errorKey(res)).toBe('upload.durationInvalid')
    }
    expect(await uploadedFiles()).toEqual([])
    expect(await lessonRow(lesson.id)).toMatchObject({ videoKey: lesson.videoKey, durationSeconds: lesson.durationSeconds })
    expect(storedVideos).toEqual([])
  })

  test('too large: 413 by Content-Length before reading, and by stream as soon as the limit passes; no file left behind', async () => {
    const { cookie } = await adminCookie()
    const lesson = seeded.lessons[2]!
    const declared = await put(lesson.id, 'video', await readFile(INTRO), { base: tinyUrl, cookie })
    expect(declared.status).toBe(413)
    expect(await errorKey(declared)).toBe('upload.tooLarge')

    const streaming = await put(lesson.id, 'video', streamed(INTRO), { base: tinyUrl, cookie })
    expect(streaming.status).toBe(413)
    expect(await errorKey(streaming)).toBe('upload.tooLarge')

    const captions = await put(lesson.id, 'captions', VTT + 'x'.repeat(200), { base: tinyUrl, cookie })
    expect(captions.status).toBe(413)

    // Megabytes past the limit: the rest is read and dropped, so the client still gets the answer.
    const big = new Uint8Array(8 * 1024 * 1024)
    big.set(await readFile(INTRO).then((b) => b.subarray(0, 64)))
    const bigStream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < big.length; i += 65_536) controller.enqueue(big.subarray(i, i + 65_536))
        controller.close()
      },
    })
    const drained = await put(lesson.id, 'video', bigStream, { base: tinyUrl, cookie })
    expect(drained.status).toBe(413)

    expect(await uploadedFiles()).toEqual([]) // no object, no hidden temp file
    expect(await lessonRow(lesson.id)).toMatchObject({ videoKey: lesson.videoKey, captionsKey: lesson.captionsKey })
    // The server is fine afterwards.
    expect((await put(lesson.id, 'captions', VTT, { base: tinyUrl, cookie })).status).toBe(200)
  })

  test('only an admin: anonymous, members and a half-finished 2FA login get 403; a cross-site PUT is stopped by the CSRF guard', async () => {
    const lesson = seeded.lessons[2]!
    const video = await readFile(INTRO)
    const { client: member } = await createMember(deps)
    for (const cookie of [null, 'jb_session=nonsense.token', await cookieOf(member)]) {
      const res = await put(lesson.id, 'video', video, { cookie })
      expect(res.status).toBe(403)
      expect(await errorKey(res)).toBe('error.forbidden')
    }

    // An admin without 2FA is refused too, with the key that leads to 2FA set-up.
    const withoutTwoFactor = await createMember(deps, { firstName: 'Admin' })
    await deps.db.update(users).set({ role: 'admin' }).where(eq(users.email, withoutTwoFactor.email))
    const no2fa = await put(lesson.id, 'video', video, { cookie: await cookieOf(withoutTwoFactor.client) })
    expect(no2fa.status).toBe(403)
    expect(await errorKey(no2fa)).toBe('privacy.staffTwoFactorRequired')

    const { email } = await adminCookie()
    const pending = new TestClient(deps)
    await expect((await pending.api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'totp_required' })
    const refused = await put(lesson.id, 'video', video, { cookie: await cookieOf(pending) })
    expect(refused.status).toBe(403)

    const { cookie } = await adminCookie()
    const crossSite = await put(lesson.id, 'video', video, { cookie, headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } })
    expect(crossSite.status).toBe(403)
    expect(await errorKey(crossSite)).toBe('error.csrf')

    expect(await uploadedFiles()).toEqual([])
    expect((await lessonRow(lesson.id)).videoKey).toBe(lesson.videoKey)
    const uploads = await deps.db.select().from(auditLog).where(sql`${auditLog.action} like 'admin.lesson_%_uploaded'`)
    expect(uploads).toEqual([])
  })

  test('a client that goes away mid-upload leaves nothing behind', async () => {
    const { cookie } = await adminCookie()
    const lesson = seeded.lessons[2]!
    const start = (await readFile(INTRO)).subarray(0, 100_000)
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(start) // …and then nothing more
      },
    })
    const abort = new AbortController()
    const request = fetch(`${url}/admin/uploads/lessons/${lesson.id}/video`, {
      method: 'PUT',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
      body: stalled,
      duplex: 'half',
      signal: abort.signal,
    } as RequestInit)
    // Wait until the server is writing the temp file, then hang up.
    for (let i = 0; i < 100 && (await uploadedFiles()).length === 0; i += 1) await new Promise((r) => setTimeout(r, 20))
    expect((await uploadedFiles()).some((name) => name.endsWith('.partial'))).toBe(true)
    abort.abort()
    await expect(request).rejects.toThrow()
    for (let i = 0; i < 100 && (await uploadedFiles()).length > 0; i += 1) await new Promise((r) => setTimeout(r, 20))
    expect(await uploadedFiles()).toEqual([])
    expect((await lessonRow(lesson.id)).videoKey).toBe(lesson.videoKey)
  })

  test('an unknown lesson is 404 lesson.notFound', async () => {
    const { cookie } = await adminCookie()
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await put(id, 'video', await readFile(INTRO), { cookie })
      expect(res.status).toBe(404)
      expect(await errorKey(res)).toBe('lesson.notFound')
    }
    expect(await uploadedFiles()).toEqual([])
  })
})

describe('caption uploads', () => {
  test('WebVTT (with BOM) is stored and shown with the lesson; anything else is 415', async () => {
    const { cookie, client } = await adminCookie()
    const lesson = seeded.lessons[2]!
    const res = await put(lesson.id, 'captions', VTT, { cookie, headers: { 'content-type': 'text/plain' } })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { key: string; size: number }
    expect(body.key).toMatch(new RegExp(`^courses/${COURSE}/uploads/${lesson.id}-[0-9a-f]{12}\\.vtt$`))
    expect(body.size).toBe(Buffer.byteLength(VTT))
    expect((await lessonRow(lesson.id)).captionsKey).toBe(body.key)
    const shown = await (await client.api()).lesson.get({ courseSlug: COURSE, lessonSlug: lesson.slug })
    expect(shown.captionsVtt).toContain('Welkom bij de nieuwe les.')
    expect(storedVideos).toEqual([]) // captions queue no transcoding
    expect(await deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'admin.lesson_captions_uploaded')))).toHaveLength(1)

    for (const wrong of ['1\n00:00:00.000 --> 00:00:01.000\nSRT, not VTT\n', 'WEBVTTX\n', '', PNG]) {
      const refused = await put(lesson.id, 'captions', typeof wrong === 'string' ? wrong : new Blob([wrong]), { cookie })
      expect(refused.status).toBe(415)
      expect(await errorKey(refused)).toBe('upload.wrongType')
    }
    expect((await lessonRow(lesson.id)).captionsKey).toBe(body.key)
    expect(await uploadedFiles()).toEqual([path.basename(body.key)])
  })
})

describe('HLS renditions', () => {
  beforeAll(() => {
    // Required, not optional: CI installs it (.ci/run); locally `apt-get install ffmpeg`.
    if (!hasFfmpeg()) throw new Error('ffmpeg is needed for the HLS tests: apt-get install ffmpeg')
  })

  test('intro.mp4 becomes a master playlist with two renditions whose segments all exist', { timeout: 120_000 }, async () => {
    const key = `courses/${COURSE}/uploads/hls-test-${Date.now()}.mp4`
    await testStorage.write(key, createReadStream(INTRO), { contentType: 'video/mp4', maxBytes: 10 * 1024 * 1024 })
    const masterKey = await makeHlsRenditions({ storage: testStorage, key })
    expect(masterKey).toBe(key.replace(/\.mp4$/, '/hls/master.m3u8'))

    const read = async (k: string) => readFile(testStorage.localPath!(k), 'utf8')
    const master = await read(masterKey!)
    expect(master.match(/#EXT-X-STREAM-INF:/g)).toHaveLength(2)
    expect(master).toMatch(/RESOLUTION=640x360/)
    expect(master).toMatch(/RESOLUTION=426x240/)
    const variants = playlistEntries(masterKey!, master)
    expect(variants).toHaveLength(2)
    const allSegments: string[] = []
    for (const variant of variants) {
      const playlist = await read(variant)
      expect(playlist).toMatch(/#EXT-X-ENDLIST/)
      const segments = playlistEntries(variant, playlist)
      const durations = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].map((m) => Number(m[1]))
      expect(segments.length).toBeGreaterThanOrEqual(7) // 40 s in segments of 4–6 s
      expect(durations.reduce((a, b) => a + b, 0)).toBeCloseTo(40, 0)
      expect(Math.max(...durations)).toBeLessThanOrEqual(6.1)
      for (const segment of segments) expect((await testStorage.stat(segment))?.size, segment).toBeGreaterThan(0)
      allSegments.push(...segments)
    }

    await deleteHlsRenditions(testStorage, masterKey!)
    for (const k of [masterKey!, ...variants, ...allSegments]) expect(await testStorage.stat(k), k).toBeNull()
    await testStorage.delete(key)
  })

  test('the HLS job transcodes the lesson’s current video, and drops the result when the video changed meanwhile', { timeout: 120_000 }, async () => {
    const { cookie } = await adminCookie()
    const lesson = seeded.lessons[2]!
    const uploaded = (await (await put(lesson.id, 'video', await readFile(INTRO), { cookie })).json()) as { key: string }
    const masterKey = uploaded.key.replace(/\.mp4$/, '/hls/master.m3u8')
    const saved: unknown[] = []
    const job = lessonHlsJob({ deps, logger: pino({ level: 'silent' }) }, {
      saveMasterKey: async (input) => {
        saved.push(input)
        expect(await testStorage.stat(input.masterKey)).not.toBeNull() // complete before it is recorded
        return false // as if an admin replaced the video while the job ran
      },
    })
    expect(job.name).toBe(QUEUES.lessonHls)
    await job.handler({ lessonId: lesson.id }, runningJob)
    expect(saved).toEqual([{ lessonId: lesson.id, videoKey: uploaded.key, masterKey }])
    expect(await testStorage.stat(masterKey)).toBeNull()
    expect(await testStorage.stat(masterKey.replace('master.m3u8', '360p/index.m3u8'))).toBeNull()
    expect(await uploadedFiles()).toEqual([path.basename(uploaded.key)]) // the rendition folders are gone too
  })

  test('end to end as boot wires it: the upload queues the HLS job, a job runner renders it, and the lesson plays over HLS through the HLS route', { timeout: 180_000 }, async () => {
    const logger = pino({ level: 'silent' })
    const runner = await startJobRunner(handle, [lessonHlsJob({ deps, logger })], logger)
    try {
      const withJobs = await startApp(undefined, (lessonId) => void runner.send(QUEUES.lessonHls, { lessonId }))
      const { cookie, client } = await adminCookie()
      const lesson = seeded.lessons[2]!
      const res = await put(lesson.id, 'video', await readFile(INTRO), { cookie, base: withJobs })
      expect(res.status).toBe(200)
      const { key } = (await res.json()) as { key: string }

      const until = Date.now() + 150_000
      while ((await lessonRow(lesson.id)).hlsKey === null && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 250))
      expect((await lessonRow(lesson.id)).hlsKey).toBe(key.replace(/\.mp4$/, '/hls/master.m3u8'))

      const played = await (await client.api()).lesson.get({ courseSlug: COURSE, lessonSlug: lesson.slug })
      expect(played.hls).not.toBeNull()
      const master = await fetch(withJobs + played.hls!.url)
      expect(master.status).toBe(200)
      expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
      const text = await master.text()
      expect(text).toMatch(/^#EXTM3U/)
      const firstVariant = text.split('\n').find((line) => line !== '' && !line.startsWith('#'))!
      const variant = await fetch(new URL(firstVariant, withJobs + played.hls!.url))
      expect(variant.status).toBe(200)
      expect(await variant.text()).toMatch(/#EXT-X-ENDLIST/)
    } finally {
      await runner.stop()
    }
  })

  test('without ffmpeg nothing is made (the MP4 keeps playing)', async () => {
    expect(await makeHlsRenditions({ storage: testStorage, key: 'courses/x/missing.mp4', ffmpegPath: null })).toBeNull()
  })
})
