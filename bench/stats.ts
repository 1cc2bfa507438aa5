/**
 * pnpm bench:stats — the statistics dashboard (`admin.stats.dashboard`, the service behind it) for
 * the last 12 months on a database holding a year of data, against the same query on an empty
 * database, side by side in one run. Not part of the test suite.
 *
 * The year: 365 days × 1 000 page views (≈ 600 visitors a day, 160 paths, 5 referring sites) and a
 * few events a day, written as raw rows and rolled up day by day with the job's own function
 * (`aggregateStatsDay`), plus ≈ 1 100 paid orders for the revenue chart. The dashboard reads only the
 * daily totals and the orders; for scale, the run also times the visitors-per-day series computed
 * straight from the raw rows (what the dashboard would do without the roll-up).
 *
 *   pnpm bench:stats [--runs 40] [--views 1000] [--pglite]
 *
 * PostgreSQL by default (`BENCH_DATABASE_URL`, default postgres://postgres@127.0.0.1:5432/postgres;
 * two scratch databases are made and dropped), or in-memory PGlite with `--pglite`.
 */
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { addDays, aggregateStatsDay, getStatsDashboard, statsDay } from '@jouwbot/api/marketing-stats'
import { createDb, migrate, rowsOf, sql, type DatabaseHandle } from '@jouwbot/db'

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '40' },
    views: { type: 'string', default: '1000' },
    pglite: { type: 'boolean', default: false },
  },
})
const RUNS = Number(args.runs)
const VIEWS_PER_DAY = Number(args.views)
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const made: string[] = []

async function freshDatabase(label: string): Promise<DatabaseHandle> {
  if (args.pglite) {
    const handle = await createDb('memory://')
    await migrate(handle)
    return handle
  }
  const name = `jouwbot_bench_stats_${label}_${process.pid}`
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
  await migrate(handle)
  return handle
}

async function dropDatabases(): Promise<void> {
  if (made.length === 0) return
  const admin = postgres(base, { max: 1, onnotice: () => {} })
  try {
    for (const name of made) await admin.unsafe(`drop database if exists "${name}" with (force)`)
  } finally {
    await admin.end()
  }
}

const today = statsDay(new Date())
const from = addDays(today, -364)

/** A year of raw events (generated in SQL), rolled up per day by the job's function, and paid orders. */
async function seedYear(handle: DatabaseHandle): Promise<{ rawRows: number; dailyRows: number; orders: number }> {
  const { db } = handle
  const days = `generate_series('${from}'::date, '${today}'::date, interval '1 day') as d`
  await db.execute(
    sql.raw(`
    insert into stat_events (name, occurred_at, day, path, referrer_host, visitor_hash)
    select 'pageview', d + make_interval(secs => (n * 86) % 86400), d::date,
      case when n % 10 < 4 then '/blog/post-' || (n % 120)
           when n % 10 < 6 then '/'
           when n % 10 < 7 then '/prijzen'
           else '/cursus/premium-cursus/les/les-' || (n % 36) end,
      case when n % 10 < 3 then (array['google.com','linkedin.com','facebook.com','youtube.com','duckduckgo.com'])[1 + n % 5] end,
      md5(d::text || (n % 600)::text)
    from ${days}, generate_series(1, ${VIEWS_PER_DAY}) as n`),
  )
  await db.execute(
    sql.raw(`
    insert into stat_events (name, occurred_at, day, visitor_hash)
    select e.name, d + interval '12 hours', d::date, null
    from ${days}, (values ('ebook_requested', 20), ('ebook_confirmed', 14), ('signup', 8), ('checkout_started', 5), ('paid', 3)) as e(name, times),
      lateral generate_series(1, e.times)`),
  )
  await db.execute(
    sql.raw(`
    insert into orders (request_id, status, locale, total_excl_cents, total_vat_cents, total_cents, buyer_email, billing, mode, paid_at, created_at, updated_at)
    select gen_random_uuid(), 'paid', 'nl', 24545, 5155, 29700, 'koper' || n || '@example.nl',
      '{"name":"Koper","company":null,"addressLine":"Straat 1","postalCode":"1011 AA","city":"Amsterdam","country":"NL"}'::jsonb,
      'test', d + interval '13 hours', d + interval '13 hours', d + interval '13 hours'
    from ${days}, generate_series(1, 3) as n`),
  )
  for (let day = from; day <= today; day = addDays(day, 1)) await aggregateStatsDay({ db }, { day })
  const count = async (table: string) => Number(rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n)
  await db.execute(sql.raw('analyze'))
  return { rawRows: await count('stat_events'), dailyRows: await count('stat_daily'), orders: await count('orders') }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await work()
  return Number(process.hrtime.bigint() - start) / 1e6
}

const empty = await freshDatabase('empty')
const year = await freshDatabase('year')
try {
  const seedStart = Date.now()
  const seeded = await seedYear(year)
  console.log(
    `seeded ${from} … ${today} on ${args.pglite ? 'PGlite' : 'PostgreSQL'}: ${seeded.rawRows.toLocaleString('en')} raw rows → ` +
      `${seeded.dailyRows.toLocaleString('en')} daily rows, ${seeded.orders.toLocaleString('en')} paid orders (${((Date.now() - seedStart) / 1000).toFixed(1)} s)`,
  )
  const period = { from, to: today }
  const check = await getStatsDashboard({ db: year.db }, period)
  if (check.days.length !== 365 || check.totals.pageViews !== 365 * VIEWS_PER_DAY || check.revenue.length < 12) {
    throw new Error(`unexpected dashboard: ${check.days.length} days, ${check.totals.pageViews} page views, ${check.revenue.length} months`)
  }
  const rawSeries = () =>
    year.db.execute(
      sql`select day, count(distinct visitor_hash) as visitors, count(*) as views from stat_events where name = 'pageview' and day between ${from} and ${today} group by day order by day`,
    )

  // Warm up, then rounds in rotating order so drift on a shared machine hits all three alike.
  for (let i = 0; i < 3; i += 1) {
    await getStatsDashboard({ db: empty.db }, period)
    await getStatsDashboard({ db: year.db }, period)
    await rawSeries()
  }
  const timings = { empty: [] as number[], year: [] as number[], raw: [] as number[] }
  for (let run = 0; run < RUNS; run += 1) {
    const order = (['empty', 'year', 'raw'] as const).map((name, i, all) => all[(i + run) % all.length]!)
    for (const name of order) {
      if (name === 'empty') timings.empty.push(await time(() => getStatsDashboard({ db: empty.db }, period)))
      else if (name === 'year') timings.year.push(await time(() => getStatsDashboard({ db: year.db }, period)))
      else if (run % 4 === 0) timings.raw.push(await time(rawSeries))
    }
  }
  const [e, y, r] = [median(timings.empty), median(timings.year), median(timings.raw)]
  console.log(`dashboard, 12 months, empty database:      ${e.toFixed(2)} ms (median of ${RUNS})`)
  console.log(`dashboard, 12 months, a year of data:      ${y.toFixed(2)} ms (median of ${RUNS})`)
  console.log(`ratio year / empty:                        ${(y / e).toFixed(2)}×`)
  console.log(`for scale — visitors per day from raw rows: ${r.toFixed(2)} ms (median of ${timings.raw.length}), ${(r / y).toFixed(1)}× the whole dashboard`)
} finally {
  await empty.close()
  await year.close()
  await dropDatabases()
}
