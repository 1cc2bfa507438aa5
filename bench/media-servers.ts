/**
 * Child process of bench/media.ts (apart, so the load generator and the servers do not share an event
 * loop): the lesson video route as `composeServer` mounts it (plain node:http ahead of Express), in
 * 'node' and in 'x-accel' delivery, each with the real authorisation on PostgreSQL — the signed URL,
 * then the lesson, the member and the entitlement from the database:
 *   - as production runs it: `cachedLessonMediaAuthorizer(...).video` (a "yes" reused for VIDEO_DECISION_TTL_MS);
 *   - uncached: `authorizeLessonVideo` for every range request (three queries each).
 * Makes its own database (BENCH_DATABASE_URL's server) with one course, one lesson whose video is
 * MEDIA_KEY and one entitled member; prints `{ userId, lessonId }` once listening on BENCH_PORTS, and
 * drops the database on SIGTERM.
 */
import { createServer } from 'node:http'
import express from 'express'
import postgres from 'postgres'
import { createAppDeps, createCaller, createContextInner } from '@jouwbot/api'
import { authorizeLessonVideo, cachedLessonMediaAuthorizer, grantCourseAccess, seedCourse } from '@jouwbot/api/courses'
import { generateEncryptionKey, systemClock } from '@jouwbot/auth'
import { mediaDir, premiumCursus } from '@jouwbot/course-content'
import { and, createDb, eq, isNotNull, lessons, migrate, users } from '@jouwbot/db'
import { mediaHandler, type MediaRouterOptions } from '@jouwbot/server/http/courses'
import { createLocalStorage } from '@jouwbot/storage'

const { MEDIA_ROOT, MEDIA_SECRET, BENCH_PORTS, MEDIA_KEY } = process.env
if (!MEDIA_ROOT || !MEDIA_SECRET || !BENCH_PORTS || !MEDIA_KEY) throw new Error('bench/media-servers.ts is started by bench/media.ts')
const ports = JSON.parse(BENCH_PORTS) as Record<'node' | 'nodeUncached' | 'accelNode' | 'accelNodeUncached', number>

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const name = `jouwbot_bench_media_${process.pid}`
const admin = postgres(base, { max: 1, onnotice: () => {} })
await admin.unsafe(`create database "${name}"`)
const url = new URL(base)
url.pathname = `/${name}`
const handle = await createDb(url.toString(), { max: 10 })
await migrate(handle)
process.once('SIGTERM', async () => {
  await handle.close()
  await admin.unsafe(`drop database if exists "${name}" with (force)`)
  await admin.end()
  process.exit(0)
})

const storage = createLocalStorage(MEDIA_ROOT)
type DepsConfig = Parameters<typeof createAppDeps>[0]
const deps = createAppDeps({
  payments: {} as DepsConfig['payments'],
  mollieWebhookUrl: undefined,
  vatChecker: {} as DepsConfig['vatChecker'],
  seller: { name: 'Bench', addressLines: [], country: 'NL', kvkNumber: '0', vatNumber: 'NL000000000B00', iban: null, email: 'bench@example.nl' },
  db: handle.db,
  sessionSecret: 'bench-session-secret-bench-session-secret',
  encryptionKeys: generateEncryptionKey('bench'),
  appOrigin: 'http://127.0.0.1',
  devMailbox: false,
  storage,
  mediaSecret: MEDIA_SECRET,
  clock: systemClock,
})
await seedCourse(deps, premiumCursus, { mediaDir, storage })
const caller = createCaller(
  createContextInner({ deps, cookies: { set: () => {}, clear: () => {} }, request: { requestId: 'bench', ip: '127.0.0.1', userAgent: 'bench' } }),
)
await caller.auth.signUp({ email: 'bench@example.nl', password: 'bench-wachtwoord-2026', firstName: 'Bench', lastName: 'Mark' })
await deps.afterAnswer.settled()
const [member] = await handle.db.select().from(users).where(eq(users.email, 'bench@example.nl'))
// A paid lesson (not a free preview), its video pointed at the bench file; the member entitled to its course.
const [lesson] = await handle.db.select().from(lessons).where(and(isNotNull(lessons.videoKey), eq(lessons.freePreview, false))).limit(1)
await handle.db.update(lessons).set({ videoKey: MEDIA_KEY }).where(eq(lessons.id, lesson!.id))
await grantCourseAccess(handle.db, { userId: member!.id, courseId: lesson!.courseId, source: 'admin_grant', sourceRef: 'manual', actorUserId: null }, new Date())

const common = { secret: MEDIA_SECRET, storage, now: () => new Date(), xAccelPrefix: '/_protected_media/' }
function serve(port: number, delivery: MediaRouterOptions['delivery'], authorize: MediaRouterOptions['authorize']) {
  const app = express()
  app.disable('x-powered-by')
  const media = mediaHandler({ ...common, delivery, authorize })
  const server = createServer((req, res) => media(req, res) || app(req, res))
  return new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
}
const uncached = (userId: string, lessonId: string) => authorizeLessonVideo(deps, userId, lessonId)
await Promise.all([
  serve(ports.node, 'node', cachedLessonMediaAuthorizer(deps).video),
  serve(ports.nodeUncached, 'node', uncached),
  serve(ports.accelNode, 'x-accel', cachedLessonMediaAuthorizer(deps).video),
  serve(ports.accelNodeUncached, 'x-accel', uncached),
])
console.log(JSON.stringify({ userId: member!.id, lessonId: lesson!.id }))
