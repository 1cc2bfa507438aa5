/**
 * Child process of bench/media.ts (apart, so the load generator and the servers do not share an event
 * loop): the lesson video route in 'node' and in 'x-accel' delivery, each with the real authorisation
 * on PostgreSQL — the signed URL, then the lesson, the member and the entitlement from the database:
 *   - as production runs it: boot.ts's request listener, `composeServer` (its `cachedLessonMediaAuthorizer`
 *     reuses a "yes" for VIDEO_DECISION_TTL_MS);
 *   - uncached: the route ahead of Express with `authorizeLessonVideo` for every range request (three queries each).
 * Makes its own database (BENCH_DATABASE_URL's server) with one course, one lesson whose video is
 * MEDIA_KEY and one entitled member; prints `{ userId, lessonId }` once listening on BENCH_PORTS (TCP)
 * and BENCH_SOCKETS (Unix sockets, as with LISTEN_SOCKET: what nginx uses in front), and drops the
 * database on SIGTERM.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import express from 'express'
import pino from 'pino'
import postgres from 'postgres'
import { createCaller, createContextInner } from '@jouwbot/api'
import { authorizeLessonVideo, grantCourseAccess, seedCourse } from '@jouwbot/api/courses'
import { benchDeps } from './bench-deps.ts'
import { mediaDir, premiumCursus } from '@jouwbot/course-content'
import { and, createDb, eq, isNotNull, lessons, migrate, users } from '@jouwbot/db'
import { mediaHandler, type MediaRouterOptions } from '@jouwbot/server/http/courses'
import { composeServer } from '@jouwbot/server/compose'
import { listenOnUnixSocket } from '@jouwbot/server/http/unix-socket'
import { createLocalStorage } from '@jouwbot/storage'

const { MEDIA_ROOT, MEDIA_SECRET, BENCH_PORTS, BENCH_SOCKETS, MEDIA_KEY } = process.env
if (!MEDIA_ROOT || !MEDIA_SECRET || !BENCH_PORTS || !BENCH_SOCKETS || !MEDIA_KEY) throw new Error('bench/media-servers.ts is started by bench/media.ts')
const ports = JSON.parse(BENCH_PORTS) as Record<'node' | 'nodeUncached' | 'accelNodeTcp', number>
const sockets = JSON.parse(BENCH_SOCKETS) as Record<'accelNode' | 'accelNodeUncached', string>

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
const deps = benchDeps(handle.db, storage, MEDIA_SECRET)
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

/**
 * The production request listener (`composeServer`, as boot.ts creates it, with its own cached
 * authoriser): the request timeout, the video route ahead of Express, Express behind it.
 */
function composed(delivery: MediaRouterOptions['delivery']) {
  return composeServer({ deps, logger: pino({ level: 'silent' }), pingDb: async () => {}, webDist: null, mediaSecret: MEDIA_SECRET!, mediaDelivery: delivery, xAccelPrefix: '/_protected_media/' })
}
/** The same route with the entitlement checked in the database on every request (no cached "yes"). */
function uncached(delivery: MediaRouterOptions['delivery']) {
  const app = express()
  app.disable('x-powered-by')
  const authorize = (userId: string, lessonId: string) => authorizeLessonVideo(deps, userId, lessonId)
  const media = mediaHandler({ secret: MEDIA_SECRET!, storage, now: () => new Date(), xAccelPrefix: '/_protected_media/', delivery, authorize })
  return (req: IncomingMessage, res: ServerResponse) => media(req, res) || app(req, res)
}
/** On a loopback port, or (as with LISTEN_SOCKET) a Unix socket. */
function serve(at: number | string, listener: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(listener)
  if (typeof at === 'string') return listenOnUnixSocket(server, at)
  return new Promise<void>((resolve) => server.listen(at, '127.0.0.1', () => resolve()))
}
await Promise.all([
  serve(ports.node, composed('node')),
  serve(ports.nodeUncached, uncached('node')),
  serve(sockets.accelNode, composed('x-accel')),
  serve(sockets.accelNodeUncached, uncached('x-accel')),
  serve(ports.accelNodeTcp, composed('x-accel')),
])
console.log(JSON.stringify({ userId: member!.id, lessonId: lesson!.id }))
