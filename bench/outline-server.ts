/**
 * The server side of bench:outline, in its own process: a fresh PostgreSQL database with the
 * Premium Cursus, one entitled member, and the real app on a random port. bench:cpu also gets the
 * baselines in this same process, each on its own port: a minimal tRPC server (the standalone
 * adapter, one procedure, no context) and bare node:http answering the same JSON. Prints one JSON
 * line `{ url, cookie, players, minimalUrl, bareUrl, lesson }` (`players`: the session cookies of
 * BENCH_PLAYERS entitled members, default 1, the first being `cookie`), then serves until killed (and
 * drops its database on SIGTERM or SIGINT, or when the set-up fails; its media folder goes with
 * ./cleanup.ts). The app serves the web build (apps/web/dist and dist-ssr: `pnpm --filter
 * @jouwbot/web build`) for bench:cpu's page targets; without it those answer 503.
 */
import { onInterrupt } from './cleanup.ts'
import { benchDeps } from './bench-deps.ts'
import { createServer, type Server } from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { initTRPC } from '@trpc/server'
import { createHTTPHandler } from '@trpc/server/adapters/standalone'
import pino from 'pino'
import postgres from 'postgres'
import { createCaller, createContextInner } from '@jouwbot/api'
import { grantCourseAccess, seedCourse } from '@jouwbot/api/courses'
import { mediaDir, premiumCursus } from '@jouwbot/course-content'
import { and, createDb, eq, isNotNull, lessons, migrate, sql, users } from '@jouwbot/db'
import { createApp } from '@jouwbot/server/app'
import { defaultWebDist } from '@jouwbot/server/boot'
import { createLocalStorage } from '@jouwbot/storage'

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const name = `jouwbot_bench_${process.pid}`
const admin = postgres(base, { max: 1, onnotice: () => {} })
const servers: Server[] = []
let handle: Awaited<ReturnType<typeof createDb>> | undefined
let stopping: Promise<void> | undefined
/** Closes everything and drops the database; once, whichever way the process ends. */
function stop(): Promise<void> {
  stopping ??= (async () => {
    for (const s of servers) s.close()
    await handle?.close()
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.end()
  })()
  return stopping
}
onInterrupt(stop)

try {
  await admin.unsafe(`create database "${name}"`)
  const url = new URL(base)
  url.pathname = `/${name}`
  handle = await createDb(url.toString(), { max: 20 })
  await migrate(handle)

  const storage = createLocalStorage(mkdtempSync(join(tmpdir(), 'jb-bench-media-')))
  const deps = benchDeps(handle.db, storage)
  await seedCourse(deps, premiumCursus, { mediaDir, storage })

  // Verified, entitled members, each signed up and logged in through the real procedures (each from
  // its own address: sign-up is limited per IP). The first is "the member" of every target;
  // bench:cpu asks for more (BENCH_PLAYERS) so that each of its connections saves its own row.
  const players = Math.max(1, Number(process.env.BENCH_PLAYERS ?? 1))
  const [course] = await handle.db.execute(sql`select id from courses where slug = ${premiumCursus.slug}`).then((r) => (Array.isArray(r) ? r : []))
  const now = new Date()
  const db = handle.db
  const entitledMember = async (index: number): Promise<string> => {
    let token = ''
    const caller = createCaller(
      createContextInner({
        deps,
        cookies: { set: (t) => (token = t), clear: () => {} },
        request: { requestId: 'bench', ip: `127.0.0.${index + 1}`, userAgent: 'bench' },
      }),
    )
    const email = index === 0 ? 'bench@example.nl' : `bench-${index}@example.nl`
    await caller.auth.signUp({ email, password: 'bench-wachtwoord-2026', firstName: 'Bench', lastName: 'Mark' })
    await deps.afterAnswer.settled() // the account is made after the answer
    await db.update(users).set({ emailVerifiedAt: now }).where(eq(users.email, email))
    await caller.auth.logIn({ email, password: 'bench-wachtwoord-2026' })
    const [member] = await db.select().from(users).where(eq(users.email, email))
    await grantCourseAccess(db, { userId: member!.id, courseId: (course as { id: string }).id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null }, now)
    return `jb_session=${token}`
  }
  const cookies: string[] = []
  for (let i = 0; i < players; i++) cookies.push(await entitledMember(i))

  // A lesson with a video that is not a free preview: the member's entitlement is checked for it.
  const [lesson] = await handle.db
    .select({ id: lessons.id, slug: lessons.slug })
    .from(lessons)
    .where(and(isNotNull(lessons.videoKey), eq(lessons.freePreview, false)))
    .limit(1)

  const app = createApp({ deps, logger: pino({ level: 'silent' }), pingDb: async () => {}, webDist: defaultWebDist })
  const server = createServer(app)

  // The baselines: the least a tRPC answer costs, and the least any HTTP answer costs.
  const t = initTRPC.create()
  const minimalRouter = t.router({ system: t.router({ ping: t.procedure.query(() => ({ ok: true as const })) }) })
  const minimal = createServer(createHTTPHandler({ router: minimalRouter, basePath: '/trpc/' }))
  const pong = Buffer.from(JSON.stringify({ result: { data: { json: { ok: true } } } }))
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': pong.length })
    res.end(pong)
  })
  const listen = async (s: Server) => {
    servers.push(s)
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(s.address() as { port: number }).port}`
  }
  console.log(
    JSON.stringify({
      url: await listen(server),
      cookie: cookies[0],
      players: cookies,
      minimalUrl: await listen(minimal),
      bareUrl: await listen(bare),
      lesson: { courseSlug: premiumCursus.slug, lessonSlug: lesson!.slug, lessonId: lesson!.id },
    }),
  )
} catch (error) {
  await stop()
  throw error
}
