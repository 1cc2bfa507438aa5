import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { createTRPCClient, httpBatchLink, httpBatchStreamLink, httpLink } from '@trpc/client'
import superjson from 'superjson'
import { createCaller, createContextInner, type AppRouter } from '@jouwbot/api'
import { grantCourseAccess } from '@jouwbot/api/courses'
import { eq, users } from '@jouwbot/db'
import { truncateAll } from '@jouwbot/db/testing'
import { createMember } from '../helpers/accounts.ts'
import { turnOnTwoFactor } from '../helpers/flows.ts'
import type { TestClient } from '../helpers/client.ts'
import { COURSE, seedPremiumCursus } from '../helpers/course.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/**
 * `course.outline` over HTTP is written from a per-structure JSON template with an ETag made of
 * the structure's and the viewer's state (see packages/api/src/courses/outline.ts). These tests
 * hold it to the plain procedure result, and hold its ETag to every change that must show.
 */

let server: TestServer
let seeded: Awaited<ReturnType<typeof seedPremiumCursus>>

beforeAll(async () => {
  server = await startTestServer({ webDist: null })
})
afterAll(async () => {
  await server?.close()
})
beforeEach(async () => {
  await truncateAll(server.handle)
  server.deps.courses.invalidate()
  seeded = await seedPremiumCursus(server.deps)
})

interface Viewer {
  client: TestClient
  email: string
  id: string
  cookie: string
}

async function member(role: 'member' | 'admin' = 'member'): Promise<Viewer> {
  const { client, email } = await createMember(server.deps)
  const [row] = await server.deps.db.update(users).set({ role }).where(eq(users.email, email)).returning()
  return { client, email, id: row!.id, cookie: `jb_session=${client.token}` }
}

const entitle = (viewer: Viewer) =>
  grantCourseAccess(
    server.deps.db,
    { userId: viewer.id, courseId: seeded.course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null },
    server.deps.clock.now(),
  )

const outlineUrl = (slug = COURSE) => `${server.url}/trpc/course.outline?input=${encodeURIComponent(JSON.stringify({ json: { courseSlug: slug } }))}`

/** One plain GET, as the browser's httpLink sends it (and revalidates it). */
async function get(viewer: Viewer | null, etag?: string | null) {
  const headers: Record<string, string> = {}
  if (viewer) headers.cookie = viewer.cookie
  if (etag) headers['if-none-match'] = etag
  const res = await fetch(outlineUrl(), { headers })
  const text = await res.text()
  return {
    status: res.status,
    etag: res.headers.get('etag'),
    cacheControl: res.headers.get('cache-control'),
    vary: res.headers.get('vary'),
    text,
    outline: res.status === 200 ? superjson.deserialize<OutlineValue>((JSON.parse(text) as { result: { data: never } }).result.data) : null,
  }
}

type OutlineValue = Awaited<ReturnType<ReturnType<typeof httpClient>['course']['outline']['query']>>

const httpClient = (viewer: Viewer | null, link: typeof httpLink | typeof httpBatchLink | typeof httpBatchStreamLink = httpLink) =>
  createTRPCClient<AppRouter>({
    links: [link({ url: `${server.url}/trpc`, transformer: superjson, headers: viewer ? { cookie: viewer.cookie } : {} })],
  })

/** The procedure's plain result (createCaller: no HTTP, no template). */
const direct = async (viewer: Viewer | null) => {
  if (viewer) return (await viewer.client.api()).course.outline({ courseSlug: COURSE })
  const ctx = createContextInner({ deps: server.deps, cookies: { set() {}, clear() {} }, request: { requestId: 'test', ip: '127.0.0.1', userAgent: null } })
  return createCaller(ctx).course.outline({ courseSlug: COURSE })
}

const lessonsOf = (outline: OutlineValue) => outline.modules.flatMap((m) => m.lessons)

describe('course.outline over HTTP', () => {
  test('is exactly the procedure result for every kind of viewer: plain, batched and streamed', async () => {
    const plain = await member()
    const entitled = await member()
    const admin = await member('admin')
    await entitle(entitled)
    // Some progress: the first lesson finished, the third one started (the resume point).
    const api = await entitled.client.api()
    const [first, , third] = seeded.lessons
    await api.lesson.saveProgress({ lessonId: first!.id, positionSeconds: 0, playedRanges: [], clientTime: server.deps.clock.now() })
    server.deps.clock.advance((first!.durationSeconds + 10) * 1000)
    await api.lesson.saveProgress({ lessonId: first!.id, positionSeconds: first!.durationSeconds, playedRanges: [[0, first!.durationSeconds]], clientTime: server.deps.clock.now() })
    server.deps.clock.advance(1000)
    await api.lesson.saveProgress({ lessonId: third!.id, positionSeconds: 0, playedRanges: [], clientTime: server.deps.clock.now() })

    for (const [name, viewer, expected] of [
      ['anonymous', null, await direct(null)],
      ['member', plain, await direct(plain)],
      ['entitled', entitled, await direct(entitled)],
      ['admin', admin, await direct(admin)],
    ] as const) {
      const alone = await get(viewer)
      expect(alone.status, name).toBe(200)
      expect(alone.text, name).not.toContain('jb-prepared')
      expect(alone.outline, name).toEqual(expected)
      expect(await httpClient(viewer).course.outline.query({ courseSlug: COURSE }), name).toEqual(expected)
      // Batched with other calls (one of them failing), and streamed (jsonl: no prepared results).
      for (const link of [httpBatchLink, httpBatchStreamLink]) {
        const client = httpClient(viewer, link)
        const [a, ping, missing, b] = await Promise.allSettled([
          client.course.outline.query({ courseSlug: COURSE }),
          client.system.ping.query(),
          client.course.outline.query({ courseSlug: 'bestaat-niet' }),
          client.course.outline.query({ courseSlug: COURSE }),
        ])
        expect(a, name).toEqual({ status: 'fulfilled', value: expected })
        expect(b, name).toEqual({ status: 'fulfilled', value: expected })
        expect(ping, name).toEqual({ status: 'fulfilled', value: { ok: true } })
        expect(missing, name).toMatchObject({ status: 'rejected', reason: { message: 'course.notFound' } })
      }
    }
    const entitledOutline = (await get(entitled)).outline!
    expect(entitledOutline.progress.completed).toBe(1)
    expect(entitledOutline.resume?.slug).toBe(third!.slug)
    expect(lessonsOf(entitledOutline).find((l) => l.id === first!.id)?.completed).toBe(true)
  })

  test('answers with a private ETag, and 304 without a body when the browser revalidates', async () => {
    const viewer = await member()
    await entitle(viewer)
    const first = await get(viewer)
    expect(first.etag).toMatch(/^"[\w.-]+"$/)
    expect(first.cacheControl).toBe('private, no-cache')
    expect(first.vary).toMatch(/cookie/i)

    const again = await get(viewer, first.etag)
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
    expect(again.etag).toBe(first.etag)
    // Weak forms and lists match too (a compressing proxy may weaken the tag).
    expect((await get(viewer, `W/${first.etag}`)).status).toBe(304)
    expect((await get(viewer, `"other", ${first.etag}`)).status).toBe(304)
    expect((await get(viewer, '"other"')).status).toBe(200)

    // A batch of outlines has one ETag of its own; a batch with anything else has none.
    const batch = async (paths: string, etag?: string | null) => {
      const input = encodeURIComponent(JSON.stringify(Object.fromEntries(paths.split(',').map((p, i) => [i, p === 'course.outline' ? { json: { courseSlug: COURSE } } : { json: null }]))))
      return fetch(`${server.url}/trpc/${paths}?batch=1&input=${input}`, { headers: { cookie: viewer.cookie, ...(etag ? { 'if-none-match': etag } : {}) } })
    }
    const two = await batch('course.outline,course.outline')
    expect(two.headers.get('etag')).toMatch(/^"b\./)
    expect(two.headers.get('etag')).not.toBe(first.etag)
    expect((await batch('course.outline,course.outline', two.headers.get('etag'))).status).toBe(304)
    const mixed = await batch('course.outline,system.ping')
    expect(mixed.status).toBe(200)
    expect(mixed.headers.get('etag')).toBeNull()
    expect(mixed.headers.get('cache-control')).toBeNull()
    expect((await batch('course.outline,system.ping', first.etag)).status).toBe(200)
    // Other queries are not cacheable.
    const ping = await fetch(`${server.url}/trpc/system.ping`, { headers: { cookie: viewer.cookie } })
    expect(ping.headers.get('etag')).toBeNull()
  })

  test('a progress save shows in the next outline, with a new ETag', async () => {
    const viewer = await member()
    await entitle(viewer)
    const lesson = seeded.lessons[4]!
    const before = await get(viewer)
    expect(before.outline!.resume?.slug).toBe(seeded.lessons[0]!.slug)

    // Starting a lesson moves the resume point.
    const api = await viewer.client.api()
    await api.lesson.saveProgress({ lessonId: lesson.id, positionSeconds: 0, playedRanges: [], clientTime: server.deps.clock.now() })
    const started = await get(viewer, before.etag)
    expect(started.status).toBe(200)
    expect(started.outline!.resume?.slug).toBe(lesson.slug)
    expect(started.etag).not.toBe(before.etag)

    // Watching it to the end completes it.
    server.deps.clock.advance((lesson.durationSeconds + 10) * 1000)
    await api.lesson.saveProgress({ lessonId: lesson.id, positionSeconds: lesson.durationSeconds, playedRanges: [[0, lesson.durationSeconds]], clientTime: server.deps.clock.now() })
    const done = await get(viewer, started.etag)
    expect(done.status).toBe(200)
    expect(lessonsOf(done.outline!).find((l) => l.id === lesson.id)?.completed).toBe(true)
    expect(done.outline!.progress.completed).toBe(1)
    expect(done.outline).toEqual(await direct(viewer))
    expect((await get(viewer, done.etag)).status).toBe(304)
  })

  test('an admin grant and revoke show in the member’s next outline', async () => {
    const viewer = await member()
    const admin = await member('admin')
    await turnOnTwoFactor(server.deps, admin.client) // staff procedures need 2FA on
    const locked = await get(viewer)
    expect(locked.outline!.hasAccess).toBe(false)

    await (await admin.client.api()).admin.courseAccess.grant({ email: viewer.email, courseSlug: COURSE })
    const granted = await get(viewer, locked.etag)
    expect(granted.status).toBe(200)
    expect(granted.outline!.hasAccess).toBe(true)
    expect(lessonsOf(granted.outline!).every((l) => !l.locked)).toBe(true)

    await (await admin.client.api()).admin.courseAccess.revoke({ email: viewer.email, courseSlug: COURSE })
    const revoked = await get(viewer, granted.etag)
    expect(revoked.status).toBe(200)
    expect(revoked.outline!.hasAccess).toBe(false)
    expect(lessonsOf(revoked.outline!).filter((l) => !l.freePreview).every((l) => l.locked)).toBe(true)
    // Same data as at the start: the same ETag again, so the browser's first copy is good.
    expect(revoked.etag).toBe(locked.etag)
  })

  test('an admin content edit shows in everybody’s next outline', async () => {
    const viewer = await member()
    await entitle(viewer)
    const admin = await member('admin')
    await turnOnTwoFactor(server.deps, admin.client) // staff procedures need 2FA on
    const lesson = seeded.lessons[3]!
    const before = { member: await get(viewer), anonymous: await get(null) }

    await (await admin.client.api()).admin.lessons.update({ lessonId: lesson.id, title: 'Een nieuwe titel "met" aanhalingstekens' })
    for (const [name, viewerOrNull] of [['member', viewer], ['anonymous', null]] as const) {
      const after = await get(viewerOrNull, before[name].etag)
      expect(after.status, name).toBe(200)
      expect(lessonsOf(after.outline!).find((l) => l.id === lesson.id)?.title, name).toBe('Een nieuwe titel "met" aanhalingstekens')
    }

    await (await admin.client.api()).admin.lessons.setPublished({ lessonId: lesson.id, published: false })
    const unpublished = await get(viewer)
    expect(lessonsOf(unpublished.outline!).some((l) => l.id === lesson.id)).toBe(false)
    expect(unpublished.outline!.course.lessonCount).toBe(seeded.lessons.length - 1)
    expect(unpublished.outline).toEqual(await direct(viewer))
  })

  test('one member never gets another member’s outline, nor a 304 for it', async () => {
    const [a, b] = [await member(), await member()]
    // The same data for both (no access, no progress): still different ETags.
    const ofA = await get(a)
    const ofB = await get(b)
    expect(ofA.text).toBe(ofB.text)
    expect(ofA.etag).not.toBe(ofB.etag)
    expect((await get(b, ofA.etag)).status).toBe(200)
    expect((await get(null, ofA.etag)).status).toBe(200)
    expect((await get(a, (await get(null)).etag)).status).toBe(200)

    // Different data: each gets their own, however the requests interleave.
    await entitle(a)
    server.deps.viewerCourses.invalidate(a.id)
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => get(i % 2 === 0 ? a : b)))
    results.forEach((r, i) => expect(r.outline!.hasAccess, `request ${i}`).toBe(i % 2 === 0))
    expect((await get(b, results[0]!.etag)).status).toBe(200)
  })
})
