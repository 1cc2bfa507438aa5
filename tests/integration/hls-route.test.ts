import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { grantCourseAccess, revokeCourseAccess, VIDEO_DECISION_TTL_MS } from '@jouwbot/api/courses'
import { asc, eq, lessons, users } from '@jouwbot/db'
import { hasFfmpeg, makeHlsRenditions } from '@jouwbot/api/courses'
import { createMember } from '../helpers/accounts.ts'
import type { TestClient } from '../helpers/client.ts'
import { testStorage } from '../helpers/deps.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/**
 * HLS delivery through the real server: `lesson.get` hands out a signed master playlist URL, the
 * playlists and segments behind it are served to the entitled member, and everything else — a
 * tampered, expired or someone else's token, a video signature, a path outside the renditions,
 * a revoked entitlement — is refused.
 */

const COURSE = 'premium-cursus'
let server: TestServer
let lesson: typeof lessons.$inferSelect
let member: { client: TestClient; id: string }
let other: { client: TestClient; id: string }

/** Sends the path exactly as given (fetch would resolve `..` segments before sending). */
function rawStatus(path: string): Promise<number> {
  const { hostname, port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

async function memberWithId(grant: boolean) {
  const { client, email } = await createMember(server.deps)
  const [user] = await server.deps.db.select().from(users).where(eq(users.email, email))
  if (grant) {
    await grantCourseAccess(
      server.deps.db,
      { userId: user!.id, courseId: lesson.courseId, source: 'admin_grant', sourceRef: 'manual', actorUserId: null },
      server.deps.clock.now(),
    )
  }
  return { client, id: user!.id }
}

const lessonGet = async (client: TestClient) => (await client.api()).lesson.get({ courseSlug: COURSE, lessonSlug: lesson.slug })

beforeAll(async () => {
  server = await startTestServer({ seedCourse: true, webDist: null })
  const rows = await server.deps.db.select().from(lessons).orderBy(asc(lessons.position))
  // A paid lesson with a video (the third, as in the player's e2e test).
  lesson = rows.filter((row) => !row.freePreview && row.videoKey)[0]!
  const masterKey = await makeHlsRenditions({ storage: testStorage, key: lesson.videoKey! })
  expect(masterKey).toMatch(/\/hls\/master\.m3u8$/)
  await server.deps.db.update(lessons).set({ hlsKey: masterKey }).where(eq(lessons.id, lesson.id))
  lesson = { ...lesson, hlsKey: masterKey }
  server.deps.courses.invalidate()
  member = await memberWithId(true)
  other = await memberWithId(true)
}, 120_000)
afterAll(async () => {
  await server?.close()
})

describe('HLS route', () => {
  beforeAll(() => {
    // Required, not optional: CI installs it (.ci/run); locally `apt-get install ffmpeg`.
    if (!hasFfmpeg()) throw new Error('ffmpeg is needed for the HLS tests: apt-get install ffmpeg')
  })

  test('lesson.get gives the signed master playlist URL next to the MP4 URL', async () => {
    const got = await lessonGet(member.client)
    expect(got.video?.url).toMatch(new RegExp(`^/media/lessons/${lesson.id}/video\\?`))
    expect(got.hls?.url).toMatch(new RegExp(`^/media/lessons/${lesson.id}/hls/${member.id}\\.[0-9]+\\.[A-Za-z0-9_-]{43}/master\\.m3u8$`))
    // Same expiry as the video URL.
    const videoExpiry = new URL(got.video!.url, server.url).searchParams.get('e')
    expect(got.hls!.url.split('/')[5]!.split('.')[1]).toBe(videoExpiry)
  })

  test('master playlist, rendition playlist and a segment are served to the entitled member', async () => {
    const url = (await lessonGet(member.client)).hls!.url
    const master = await fetch(server.url + url)
    expect(master.status).toBe(200)
    expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
    expect(master.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/)
    const masterText = await master.text()
    expect(masterText).toMatch(/^#EXTM3U/)
    expect(masterText).toContain('360p/index.m3u8')

    const base = server.url + url.slice(0, url.lastIndexOf('/') + 1)
    const variant = await fetch(base + '360p/index.m3u8')
    expect(variant.status).toBe(200)
    expect(variant.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
    const segmentName = (await variant.text()).split('\n').find((line) => line.endsWith('.ts'))!
    expect(segmentName).toMatch(/^segment-\d+\.ts$/)

    const segment = await fetch(base + '360p/' + segmentName)
    expect(segment.status).toBe(200)
    expect(segment.headers.get('content-type')).toBe('video/mp2t')
    const bytes = Buffer.from(await segment.arrayBuffer())
    expect(bytes.length).toBeGreaterThan(188)
    expect(bytes[0]).toBe(0x47) // MPEG-TS sync byte
    const head = await fetch(base + '240p/index.m3u8', { method: 'HEAD' })
    expect(head.status).toBe(200)
    // A file that does not exist in the renditions.
    expect((await fetch(base + '360p/segment-999.ts')).status).toBe(404)
  })

  test('tampered, foreign, video-signed and expired tokens are refused', async () => {
    const url = (await lessonGet(member.client)).hls!.url
    const [, , , lessonId, , token] = url.split('/') as string[]
    const [u, e, s] = token!.split('.') as [string, string, string]
    const at = (t: string, file = 'master.m3u8') => `${server.url}/media/lessons/${lessonId}/hls/${t}/${file}`

    const flipped = s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.at(-1)
    expect((await fetch(at(`${u}.${e}.${flipped}`))).status).toBe(403)
    expect((await fetch(at(`${u}.${Number(e) + 3600}.${s}`))).status).toBe(403)
    expect((await fetch(at(`${u}.0${e}.${s}`))).status).toBe(403) // not canonical
    expect((await fetch(at(`${other.id}.${e}.${s}`))).status).toBe(403) // someone else's id
    expect((await fetch(at(`${u}.${e}`))).status).toBe(403)
    expect((await fetch(at(`${u}.${e}.${s}.x`))).status).toBe(403)

    // The MP4 URL's signature (same secret, no `hls.` prefix) does not open HLS.
    const video = new URL((await lessonGet(member.client)).video!.url, server.url).searchParams
    expect((await fetch(at(`${video.get('u')}.${video.get('e')}.${video.get('s')}`))).status).toBe(403)

    // The other member's own token works for them; the first member's token is still valid.
    expect((await fetch(server.url + (await lessonGet(other.client)).hls!.url)).status).toBe(200)
    expect((await fetch(at(token!, '360p/index.m3u8'))).status).toBe(200)

    server.deps.clock.advance(61 * 60_000)
    expect((await fetch(at(token!))).status).toBe(403)
    expect((await fetch(at(token!, '360p/index.m3u8'))).status).toBe(403)
  })

  test('paths outside the renditions are not served', async () => {
    const url = (await lessonGet(member.client)).hls!.url
    const base = url.slice(0, url.lastIndexOf('/') + 1)
    for (const file of ['../x', '360p/../../secret', '360p/../master.m3u8', '%2e%2e/x', '360p/index.mp4', 'index.m3u8', '360p/sub/segment-000.ts', '360P/index.m3u8', '']) {
      const status = await rawStatus(base + file)
      expect([400, 404], file).toContain(status)
    }
    // Outside the lesson's own folder: another lesson's renditions are not reachable with this lesson's grant.
    expect(await rawStatus(base + '360p/index.m3u8')).toBe(200)
  })

  test('a lesson without renditions has no hls URL and its route refuses', async () => {
    const rows = await server.deps.db.select().from(lessons).orderBy(asc(lessons.position))
    const plain = rows.find((row) => !row.freePreview && row.videoKey && row.id !== lesson.id)!
    const got = await (await member.client.api()).lesson.get({ courseSlug: COURSE, lessonSlug: plain.slug })
    expect(got.hls).toBeNull()
    expect(got.video?.url).toBeTruthy()
    const token = (await lessonGet(member.client)).hls!.url.split('/')[5]
    expect((await fetch(`${server.url}/media/lessons/${plain.id}/hls/${token}/master.m3u8`)).status).toBe(403)
  })

  test('a revoked entitlement stops the next playlist or segment request once the short-lived "yes" has run out', async () => {
    const viewer = await memberWithId(true)
    const url = (await lessonGet(viewer.client)).hls!.url
    expect((await fetch(server.url + url)).status).toBe(200)
    await revokeCourseAccess(
      server.deps.db,
      { userId: viewer.id, courseId: lesson.courseId, source: 'admin_grant', sourceRef: 'manual', actorUserId: null },
      server.deps.clock.now(),
    )
    // Segments reuse the decision for a few seconds (like the video's ranges), then the refusal holds.
    server.deps.clock.advance(VIDEO_DECISION_TTL_MS - 1000)
    expect((await fetch(server.url + url.replace('master.m3u8', '360p/index.m3u8'))).status).toBe(200)
    server.deps.clock.advance(1000)
    expect((await fetch(server.url + url)).status).toBe(403)
    expect((await fetch(server.url + url.replace('master.m3u8', '360p/index.m3u8'))).status).toBe(403)
  })
})
