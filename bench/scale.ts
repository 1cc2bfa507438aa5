/**
 * pnpm bench:scale — every hot member path and every admin list on a PostgreSQL database the size of a
 * grown shop, against the same calls on a baseline database of the same schema that holds just one page
 * of every admin list, side by side in one run. Not part of the test suite.
 *
 * Two scratch databases (created here, dropped at the end, also when something fails), both migrated and
 * given the same fixture: the Premium Cursus (plus 14 unpublished lessons, so a member can have 50
 * progress rows), one entitled member with progress and three orders, one admin with 2FA, one coach, one
 * blog post. The baseline ('one page') then gets 80 members with their progress, orders and sessions, 40
 * coaching bookings, 30 open privacy requests (of 60) and about 40 comments waiting for moderation, so
 * every admin list shows a full first page of 25 rows (each audit-logged) and has a next one — the ratio
 * is what the database's size costs, not what a fuller page costs. The full one gets, with generate_series:
 *
 *   members 100 000 (87.5 % with access to the course) · lesson progress 5 000 000 (50 per member)
 *   orders 100 000 · sessions 1 000 000 (10 per member) · coaching bookings 50 000 · privacy requests
 *   10 000 (2 % open) · blog comments 100 000 (1 % waiting for moderation) · newsletter subscribers 100 000
 *
 * `--small` writes a tenth of each (a few minutes on 2 cores). Every path is called through the real tRPC
 * caller (`createCaller`), with the session cookie resolved per call like the HTTP adapter does (so
 * `auth.me` includes the session lookup among a million sessions). Warm-up, then rounds that alternate
 * which database goes first; the figure is the median per call, and the ratio full / one page (target ≤ 1.5×).
 *
 *   pnpm bench:scale [--small] [--runs 30] [--explain] [--keep]
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is only used to create and
 * drop the two scratch databases. `--explain` prints the plans of the admin member list queries and of the order search; `--keep` leaves both databases behind (their names are printed) to
 * look at plans by hand.
 */
import { onInterrupt } from './cleanup.ts'
import { benchDeps } from './bench-deps.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { createCaller, createContextInner, type AppDeps } from '@jouwbot/api'
import { orderSearchFilter } from '@jouwbot/api/checkout'
import { grantCourseAccess, seedCourse } from '@jouwbot/api/courses'
import { createSession, validateSessionToken } from '@jouwbot/auth'
import { mediaDir, premiumCursus } from '@jouwbot/course-content'
import { createDb, desc, migrate, orders, rowsOf, sql, type DatabaseHandle } from '@jouwbot/db'
import { createLocalStorage } from '@jouwbot/storage'

const { values: args } = parseArgs({
  options: {
    small: { type: 'boolean', default: false },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '30' },
    explain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
})
const RUNS = Number(args.runs)
const SCALE = args.small ? 10 : 1
const N = 100_000 / SCALE
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const names = { empty: `jouwbot_bench_scale_empty_${process.pid}`, full: `jouwbot_bench_scale_full_${process.pid}` }
const media = mkdtempSync(join(tmpdir(), 'jb-bench-scale-'))
const made: string[] = []
const handles: DatabaseHandle[] = []

async function open(name: string): Promise<DatabaseHandle> {
  const admin = postgres(base, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.unsafe(`create database "${name}"`)
  } finally {
    await admin.end()
  }
  made.push(name)
  const url = new URL(base)
  url.pathname = `/${name}`
  const handle = await createDb(url.toString(), { max: 4 })
  handles.push(handle)
  await migrate(handle)
  return handle
}

async function dropAll(): Promise<void> {
  for (const handle of handles.splice(0)) await handle.close().catch(() => {})
  rmSync(media, { recursive: true, force: true })
  if (args.keep && made.length > 0) {
    // --keep: the filled database stays for EXPLAIN by hand; drop it with `drop database … with (force)`.
    console.log(`kept: ${made.join(', ')}`)
    made.splice(0)
  }
  if (made.length === 0) return
  const admin = postgres(base, { max: 1, onnotice: () => {} })
  try {
    for (const name of made.splice(0)) await admin.unsafe(`drop database if exists "${name}" with (force)`)
  } finally {
    await admin.end()
  }
}

// Ctrl-C or a kill still drops the scratch databases.
onInterrupt(dropAll)

const depsFor = (handle: DatabaseHandle): AppDeps => benchDeps(handle.db, createLocalStorage(media))

const one = async <T>(handle: DatabaseHandle, query: ReturnType<typeof sql>): Promise<T> => rowsOf<T>(await handle.db.execute(query))[0]!

/** The same on both databases: course, viewer (member with access, progress, orders), admin with 2FA, coach, blog post. */
async function seedFixture(handle: DatabaseHandle, deps: AppDeps) {
  await seedCourse(deps, premiumCursus, { mediaDir, storage: deps.storage })
  const course = await one<{ id: string; module_id: string }>(
    handle,
    sql`select c.id, m.id as module_id from courses c join course_modules m on m.course_id = c.id where c.slug = ${premiumCursus.slug} order by m.position limit 1`,
  )
  await handle.db.execute(sql`
    insert into lessons (course_id, module_id, slug, title, position, published)
    select ${course.id}, ${course.module_id}, 'bench-extra-' || n, 'Extra ' || n, 1000 + n, false
    from generate_series(1, greatest(0, 50 - (select count(*) from lessons where course_id = ${course.id})::int)) as n`)
  const now = new Date()
  const person = (email: string, first: string, role: string, totp: boolean) => sql`
    insert into users (email, password_hash, first_name, last_name, role, email_verified_at, totp_enabled_at)
    values (${email}, 'x', ${first}, 'Bench', ${role}::user_role, now(), ${totp ? now.toISOString() : null}::timestamptz) returning id`
  const viewer = await one<{ id: string }>(handle, person('viewer@bench.example', 'Vera', 'member', false))
  const admin = await one<{ id: string }>(handle, person('admin@bench.example', 'Ada', 'admin', true))
  const coach = await one<{ id: string }>(handle, person('coach@bench.example', 'Robin', 'coach', false))
  await grantCourseAccess(handle.db, { userId: viewer.id, courseId: course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null }, now)
  await handle.db.execute(sql`
    insert into lesson_progress (user_id, lesson_id, course_id, position_seconds, watched_ranges, watched_seconds, completed_at, updated_at)
    select ${viewer.id}, l.id, l.course_id, 30, '[[0,30]]', 30, case when l.position % 2 = 0 then now() end, now()
    from lessons l where l.course_id = ${course.id}`)
  await handle.db.execute(sql`
    insert into orders (user_id, request_id, status, locale, total_excl_cents, total_vat_cents, total_cents, buyer_email, billing, mode, paid_at, created_at, updated_at)
    select ${viewer.id}, gen_random_uuid(), 'paid', 'nl', 24545, 5155, 29700, 'viewer@bench.example',
      '{"name":"Vera Bench","company":null,"addressLine":"Straat 1","postalCode":"1011 AA","city":"Amsterdam","country":"NL"}'::jsonb,
      'test', now() - n * interval '30 days', now() - n * interval '30 days', now() - n * interval '30 days'
    from generate_series(1, 3) as n`)
  await handle.db.execute(sql`insert into coach_profiles (user_id, display_name, location_kind, location_detail) values (${coach.id}, 'Robin', 'video', 'https://meet.example/robin')`)
  const type = await one<{ id: string }>(handle, sql`insert into coaching_session_types (coach_id, title, duration_minutes, credits) values (${coach.id}, 'Sessie', 60, 1) returning id`)
  const post = await one<{ id: string }>(
    handle,
    sql`insert into blog_posts (slug, title, body_markdown, author_id, status, publish_at) values ('bench-post', 'Bench', 'Tekst', ${admin.id}, 'published', now() - interval '1 year') returning id`,
  )
  const lesson = await one<{ slug: string; id: string }>(
    handle,
    sql`select slug, id from lessons where course_id = ${course.id} and published and not free_preview order by position limit 1 offset 3`,
  )
  const viewerSession = await createSession(handle.db, { userId: viewer.id, userAgent: 'bench', twoFactorVerified: true }, now)
  const adminSession = await createSession(handle.db, { userId: admin.id, userAgent: 'bench', twoFactorVerified: true }, now)
  const viewerOrder = await one<{ id: string }>(handle, sql`select id from orders where user_id = ${viewer.id} order by created_at desc limit 1`)
  return {
    courseId: course.id,
    coachId: coach.id,
    typeId: type.id,
    postId: post.id,
    lesson,
    viewerOrderId: viewerOrder.id,
    viewerToken: viewerSession.token,
    adminToken: adminSession.token,
  }
}

type Fixture = Awaited<ReturnType<typeof seedFixture>>

/**
 * The member the admin searches find (lid4242, with access and an order), on the baseline database too, as
 * `fill` writes them: a search that finds nothing skips the detail queries and the audit subjects, so
 * without it the ratio measured the work on the row found, not the search (order search 1.84–1.93×).
 */
async function seedSearchedMember(handle: DatabaseHandle, fixture: Fixture) {
  await handle.db.execute(sql`
    insert into users (email, password_hash, first_name, last_name, email_verified_at, created_at, updated_at)
    values ('lid4242@bench.example', 'x', 'Lid4242', 'Bakker', now() - interval '21210 minutes', now() - interval '21210 minutes', now())`)
  await handle.db.execute(sql`
    insert into entitlements (user_id, course_id, source, source_ref, granted_at)
    select id, ${fixture.courseId}, 'order', 'bench', created_at + interval '1 minute' from users where email = 'lid4242@bench.example'`)
  await handle.db.execute(sql`
    insert into orders (user_id, request_id, status, locale, total_excl_cents, total_vat_cents, total_cents, buyer_email, billing, mode, paid_at, created_at, updated_at)
    select u.id, gen_random_uuid(), 'paid', 'nl', 24545, 5155, 29700, u.email,
      jsonb_build_object('name', u.first_name || ' ' || u.last_name, 'company', null, 'addressLine', 'Straat 1', 'postalCode', '1011 AA', 'city', 'Amsterdam', 'country', 'NL'),
      'test', u.created_at, u.created_at, u.created_at
    from users u where u.email = 'lid4242@bench.example'`)
}

/** How many rows `fill` writes: members, and per list how many rows and which share of them a list shows. */
interface Shape {
  members: number
  bookings: number
  privacyRequests: number
  /** Every n-th privacy request is open (the admin's default queue). */
  openEvery: number
  /** A comment waits for moderation when hashtext(email) % n = 0 (the blog queue). */
  pendingEvery: number
}

/** The grown shop. */
const FULL: Shape = { members: N, bookings: N / 2, privacyRequests: N / 10, openEvery: 50, pendingEvery: 100 }
/**
 * The baseline: the fixture plus a shop just big enough that every admin list fills its first page (25
 * rows) and has a next one. Against an empty list the ratio measured the work on a page's rows (each
 * one audit-logged for its member) rather than the database's size: a quiet fast machine gave coaching
 * bookings 1.88× and open privacy requests 1.58× with the same plans and index scans as at ten rows.
 */
const ONE_PAGE: Shape = { members: 80, bookings: 40, privacyRequests: 60, openEvery: 2, pendingEvery: 2 }

/** A shop of `shape`'s size, in SQL. Deterministic (hashtext, not random) so runs compare. */
async function fill(handle: DatabaseHandle, fixture: Fixture, shape: Shape, log = true): Promise<Record<string, number>> {
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const start = Date.now()
    await handle.db.execute(query)
    if (log) console.log(`  ${label.padEnd(28)} ${((Date.now() - start) / 1000).toFixed(1)} s`)
  }
  await step(
    'members',
    sql`insert into users (email, password_hash, first_name, last_name, email_verified_at, created_at, updated_at)
      select 'lid' || n || '@bench.example', 'x', 'Lid' || n, (array['de Vries','Jansen','Bakker','Visser','Smit','Meijer','de Boer','Mulder'])[1 + n % 8],
        now() - n * interval '5 minutes', now() - n * interval '5 minutes', now()
      from generate_series(1, ${shape.members}) as n`,
  )
  await step(
    'entitlements',
    sql`insert into entitlements (user_id, course_id, source, source_ref, granted_at)
      select id, ${fixture.courseId}, 'order', 'bench', created_at + interval '1 minute'
      from users where email like 'lid%@bench.example' and abs(hashtext(email)) % 8 <> 0`,
  )
  await step(
    'lesson progress',
    sql`insert into lesson_progress (user_id, lesson_id, course_id, position_seconds, watched_ranges, watched_seconds, completed_at, updated_at)
      select u.id, l.id, l.course_id, 120, '[[0,120]]', 120, case when abs(hashtext(u.email)) % 3 = 0 then u.created_at end, u.created_at
      from users u cross join lessons l where u.email like 'lid%@bench.example' and l.course_id = ${fixture.courseId}`,
  )
  await step(
    'orders',
    sql`insert into orders (user_id, request_id, status, locale, total_excl_cents, total_vat_cents, total_cents, buyer_email, billing, mode, paid_at, created_at, updated_at)
      select u.id, gen_random_uuid(), (case when abs(hashtext(u.email)) % 10 < 8 then 'paid' else 'expired' end)::order_status, 'nl', 24545, 5155, 29700, u.email,
        jsonb_build_object('name', u.first_name || ' ' || u.last_name, 'company', null, 'addressLine', 'Straat 1', 'postalCode', '1011 AA', 'city', 'Amsterdam', 'country', 'NL'),
        'test', case when abs(hashtext(u.email)) % 10 < 8 then u.created_at end, u.created_at, u.created_at
      from users u where u.email like 'lid%@bench.example'`,
  )
  await step(
    'sessions',
    sql`insert into sessions (id, user_id, secret_hash, two_factor_verified, reauthenticated_at, last_seen_at, expires_at, absolute_expires_at, created_at)
      select md5(u.id::text || s), u.id, md5(s || u.id::text), true, now(), now() - s * interval '1 day', now() + interval '20 days', now() + interval '80 days', now() - s * interval '1 day'
      from users u cross join generate_series(1, 10) as s where u.email like 'lid%@bench.example'`,
  )
  await step(
    'coaching bookings',
    sql`insert into coaching_bookings (coach_id, member_id, session_type_id, starts_at, ends_at, status, credits, idempotency_key, created_at, updated_at, canceled_at, cancel_reason)
      select ${fixture.coachId}, u.id, ${fixture.typeId}, timestamptz '2021-01-04 09:00+00' + n * interval '1 hour', timestamptz '2021-01-04 10:00+00' + n * interval '1 hour',
        (case when n % 10 = 0 then 'canceled' else 'held' end)::coaching_booking_status, 1, 'bench-' || n, now(), now(),
        case when n % 10 = 0 then now() end, (case when n % 10 = 0 then 'member' end)::coaching_cancel_reason
      from (select id, row_number() over (order by email) as n from users where email like 'lid%@bench.example') u where n <= ${shape.bookings}`,
  )
  await step(
    'privacy requests',
    sql`insert into privacy_requests (user_id, kind, status, created_at, due_at, resolved_at)
      select u.id, 'access', (case when n % ${shape.openEvery} = 0 then 'open' else 'done' end)::privacy_request_status, u.created_at, u.created_at + interval '30 days',
        case when n % ${shape.openEvery} = 0 then null else u.created_at + interval '2 days' end
      from (select id, created_at, row_number() over (order by email) as n from users where email like 'lid%@bench.example') u where n <= ${shape.privacyRequests}`,
  )
  await step(
    'blog comments',
    // body_html as postComment stores it (renderCommentMarkdown of this plain sentence).
    sql`insert into blog_comments (post_id, author_id, body, body_html, status, created_at)
      select ${fixture.postId}, id, 'Mooi stuk, dank je!', '<p>Mooi stuk, dank je!</p>' || chr(10), (case when abs(hashtext(email)) % ${shape.pendingEvery} = 0 then 'pending' else 'approved' end)::blog_comment_status, created_at
      from users where email like 'lid%@bench.example'`,
  )
  await step(
    'newsletter subscribers',
    sql`insert into newsletter_subscribers (email, first_name, source, status, consent_text_version, user_id, unsubscribe_token, confirmed_at, created_at, updated_at)
      select email, first_name, 'member', (case when abs(hashtext(email)) % 10 = 0 then 'unsubscribed' else 'confirmed' end)::newsletter_subscriber_status, 'v1', id, md5('u' || id::text), created_at, created_at, created_at
      from users where email like 'lid%@bench.example'`,
  )
  await step('analyze', sql`analyze`)
  const counts: Record<string, number> = {}
  for (const table of ['users', 'entitlements', 'lesson_progress', 'orders', 'sessions', 'coaching_bookings', 'privacy_requests', 'blog_comments', 'newsletter_subscribers']) {
    counts[table] = Number((await one<{ n: number }>(handle, sql.raw(`select count(*)::int as n from ${table}`))).n)
  }
  return counts
}

/** A caller for one token, resolved like the HTTP adapter does on every request. */
async function callerFor(deps: AppDeps, token: string) {
  const validation = await validateSessionToken(deps.db, token, deps.clock.now())
  if (!validation) throw new Error('bench session not valid')
  return createCaller(
    createContextInner({
      deps,
      session: validation.session,
      user: validation.user,
      cookies: { set: () => {}, clear: () => {}, setDevice: () => {} },
      request: { requestId: 'bench', ip: '127.0.0.1', userAgent: 'bench', local: false, deviceCookie: null },
    }),
  )
}

type Caller = Awaited<ReturnType<typeof callerFor>>
interface Path {
  name: string
  who: 'viewer' | 'admin'
  call: (api: Caller, fixture: Fixture) => Promise<unknown>
}

const paths: Path[] = [
  { name: 'auth.me', who: 'viewer', call: (api) => api.auth.me() },
  { name: 'course.outline', who: 'viewer', call: (api) => api.course.outline({ courseSlug: premiumCursus.slug }) },
  { name: 'lesson.get', who: 'viewer', call: (api, f) => api.lesson.get({ courseSlug: premiumCursus.slug, lessonSlug: f.lesson.slug }) },
  {
    name: 'lesson.saveProgress',
    who: 'viewer',
    call: (api, f) => api.lesson.saveProgress({ lessonId: f.lesson.id, positionSeconds: 40, playedRanges: [[30, 40]], clientTime: new Date() }),
  },
  { name: 'checkout.myOrders', who: 'viewer', call: (api) => api.checkout.myOrders() },
  { name: 'admin.checkout.orders', who: 'admin', call: (api) => api.admin.checkout.orders({ limit: 25 }) },
  { name: 'admin.checkout.orders, paid', who: 'admin', call: (api) => api.admin.checkout.orders({ status: 'paid', limit: 25 }) },
  { name: 'admin.checkout.orders, search', who: 'admin', call: (api) => api.admin.checkout.orders({ search: 'lid4242@', limit: 25 }) },
  {
    name: 'admin.checkout.orders, search number',
    who: 'admin',
    call: (api, f) => api.admin.checkout.orders({ search: f.viewerOrderId.slice(0, 8).toUpperCase(), limit: 25 }),
  },
  { name: 'admin.courseAccess.members', who: 'admin', call: (api) => api.admin.courseAccess.members({ courseSlug: premiumCursus.slug }) },
  { name: 'admin.courseAccess.members, search', who: 'admin', call: (api) => api.admin.courseAccess.members({ courseSlug: premiumCursus.slug, search: 'lid4242@' }) },
  { name: 'admin.coaching.bookings', who: 'admin', call: (api) => api.admin.coaching.bookings({}) },
  { name: 'admin.privacy.requests (open)', who: 'admin', call: (api) => api.admin.privacy.requests({ status: 'open' }) },
  { name: 'admin.privacy.requests (all)', who: 'admin', call: (api) => api.admin.privacy.requests({ status: 'all' }) },
  { name: 'admin.blog.queue', who: 'admin', call: (api) => api.admin.blog.queue({}) },
  { name: 'admin.marketing.newsletters', who: 'admin', call: (api) => api.admin.marketing.newsletters() },
]

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await work()
  return Number(process.hrtime.bigint() - start) / 1e6
}

try {
  const started = Date.now()
  const empty = await open(names.empty)
  const full = await open(names.full)
  const sides = {
    empty: { handle: empty, deps: depsFor(empty) },
    full: { handle: full, deps: depsFor(full) },
  }
  const fixtures = {
    empty: await seedFixture(empty, sides.empty.deps),
    full: await seedFixture(full, sides.full.deps),
  }
  await fill(empty, fixtures.empty, ONE_PAGE, false)
  await seedSearchedMember(empty, fixtures.empty)
  await empty.db.execute(sql`analyze`)
  console.log(`filling ${args.small ? 'the small variant (÷10)' : 'the full database'} on PostgreSQL:`)
  const counts = await fill(full, fixtures.full, FULL)
  console.log(`full database: ${Object.entries(counts).map(([table, n]) => `${table} ${n.toLocaleString('en')}`).join(', ')} (${((Date.now() - started) / 1000).toFixed(0)} s)`)

  if (args.explain) {
    for (const search of [null, 'lid4242@']) {
      const term = search ? sql` and (u.email || ' ' || u.first_name || ' ' || u.last_name) ilike ${`%${search}%`}` : sql``
      const plan = rowsOf<{ 'QUERY PLAN': string }>(
        await full.db.execute(sql`explain analyze select e.id, u.email from entitlements e join users u on u.id = e.user_id
          where e.course_id = ${fixtures.full.courseId} and e.revoked_at is null${term} order by e.granted_at desc, e.id desc limit 51`),
      )
      console.log(`\nplan, members${search ? ', search' : ''}:\n${plan.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`)
    }
    // The admin order search, by e-mail and by the start of an order number, as listOrdersForAdmin builds it.
    const someId = (await one<{ id: string }>(full, sql`select id from orders order by created_at desc offset 500 limit 1`)).id
    for (const search of ['lid4242@', someId.slice(0, 8).toUpperCase()]) {
      const plan = rowsOf<{ 'QUERY PLAN': string }>(
        await full.db.execute(sql`explain analyze ${full.db.select().from(orders).where(orderSearchFilter(search)).orderBy(desc(orders.createdAt)).limit(26)}`),
      )
      console.log(`\nplan, order search ${search}:\n${plan.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`)
    }
  }

  const callers = async (side: 'empty' | 'full', who: 'viewer' | 'admin') =>
    callerFor(sides[side].deps, who === 'viewer' ? fixtures[side].viewerToken : fixtures[side].adminToken)
  const run = async (side: 'empty' | 'full', path: Path) => {
    const api = await callers(side, path.who)
    return path.call(api, fixtures[side])
  }
  // Each call includes resolving the session (the adapter does that on every request).
  const timed = (side: 'empty' | 'full', path: Path) => time(() => run(side, path))

  for (const path of paths) {
    for (let i = 0; i < 3; i += 1) {
      await run('empty', path)
      await run('full', path)
    }
  }
  const timings = Object.fromEntries(paths.map((path) => [path.name, { empty: [] as number[], full: [] as number[] }]))
  for (let round = 0; round < RUNS; round += 1) {
    for (const path of paths) {
      const order = round % 2 === 0 ? (['empty', 'full'] as const) : (['full', 'empty'] as const)
      for (const side of order) timings[path.name]![side].push(await timed(side, path))
    }
  }
  console.log(`\nmedian of ${RUNS} calls per path and database (ms), full / one page; target ≤ 1.5×`)
  console.log(`${'path'.padEnd(38)} ${'one page'.padStart(8)} ${'full'.padStart(8)} ${'ratio'.padStart(7)}`)
  const over: string[] = []
  for (const path of paths) {
    const e = median(timings[path.name]!.empty)
    const f = median(timings[path.name]!.full)
    const ratio = f / e
    if (ratio > 1.5) over.push(path.name)
    console.log(`${path.name.padEnd(38)} ${e.toFixed(2).padStart(8)} ${f.toFixed(2).padStart(8)} ${`${ratio.toFixed(2)}×`.padStart(7)}${ratio > 1.5 ? '  over target' : ''}`)
  }
  console.log(over.length === 0 ? '\nevery path within 1.5×' : `\nover 1.5×: ${over.join(', ')}`)
} finally {
  await dropAll()
}
