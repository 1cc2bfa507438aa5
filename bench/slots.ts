/**
 * pnpm bench:slots — `listSlots` (the whole service: coach, type, rules and the live bookings from the
 * database, then the slot engine) for 60 days ahead, for a coach with 2,000 bookings in the database,
 * against the same coach and schedule in an otherwise empty database. Both are scratch PostgreSQL
 * databases created and dropped here. Not part of the test suite.
 *
 *   pnpm bench:slots [--rounds 10] [--calls 50]
 *
 * The 2,000 bookings: 1,800 in the past (held, two years back) and 200 ahead within the horizon,
 * spread over 100 members (each member's own bookings count too: a second query). The rounds
 * alternate which database goes first, so drift on a shared machine hits both alike; the figure is
 * the median per call over all rounds, and the ratio full / empty (target ≤ 1.5×).
 */
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { listSlots } from '@jouwbot/api/coaching'
import { coachingAvailability, coachingBookings, coachingSessionTypes, coachProfiles, createDb, migrate, sql, users, type Db } from '@jouwbot/db'

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '10' },
    calls: { type: 'string', default: process.env.BENCH_CALLS ?? '50' },
  },
})
const [ROUNDS, CALLS] = [Number(args.rounds), Number(args.calls)]
const HOUR = 3_600_000
const DAY = 24 * HOUR
const BOOKINGS = 2_000
const AHEAD = 200
const MEMBERS = 100
// A fixed Monday morning (Amsterdam) so every run computes the same 60 days.
const NOW = new Date('2026-06-01T06:00:00Z')
const clock = { now: () => NOW }

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const admin = postgres(base, { max: 1, onnotice: () => {} })
const names = { empty: `jouwbot_bench_slots_empty_${process.pid}`, full: `jouwbot_bench_slots_full_${process.pid}` }

async function open(name: string) {
  await admin.unsafe(`create database "${name}"`)
  const url = new URL(base)
  url.pathname = `/${name}`
  const handle = await createDb(url.toString(), { max: 4 })
  await migrate(handle)
  return handle
}

/** A coach on weekdays 09:00–17:00 with one 60-minute type, and the members who book; nothing booked yet. */
async function seedCoach(db: Db) {
  const now = NOW
  const person = (email: string, firstName: string, role: 'member' | 'coach') => ({ email, passwordHash: 'x', firstName, lastName: 'Bench', role, emailVerifiedAt: now, createdAt: now, updatedAt: now })
  const [coach] = await db.insert(users).values(person('coach@bench.example', 'Robin', 'coach')).returning()
  await db.insert(coachProfiles).values({ userId: coach!.id, displayName: 'Robin', locationKind: 'video', locationDetail: 'https://meet.example/robin' })
  await db.insert(coachingAvailability).values([1, 2, 3, 4, 5].map((weekday) => ({ coachId: coach!.id, weekday, startMinute: 540, endMinute: 1020 })))
  const [type] = await db.insert(coachingSessionTypes).values({ coachId: coach!.id, title: 'Sessie', durationMinutes: 60, credits: 1 }).returning()
  const members = await db
    .insert(users)
    .values(Array.from({ length: MEMBERS }, (_, i) => person(`member${i}@bench.example`, `Lid${i}`, 'member')))
    .returning({ id: users.id })
  return { coachId: coach!.id, sessionTypeId: type!.id, memberIds: members.map((m) => m.id) }
}

/** Hour starts on weekdays (Amsterdam ~ UTC+2 in summer, UTC+1 in winter: 08:00–14:00 UTC is inside 09:00–17:00 both ways). */
function weekdayStarts(from: Date, direction: 1 | -1, count: number, hoursUtc: number[]): Date[] {
  const starts: Date[] = []
  for (let day = 1; starts.length < count; day++) {
    const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + direction * day))
    const weekday = date.getUTCDay()
    if (weekday === 0 || weekday === 6) continue
    for (const hour of hoursUtc) if (starts.length < count) starts.push(new Date(date.getTime() + hour * HOUR))
  }
  return starts
}

async function seedBookings(db: Db, setup: Awaited<ReturnType<typeof seedCoach>>) {
  const past = weekdayStarts(NOW, -1, BOOKINGS - AHEAD, [8, 9, 10, 11, 12, 13, 14]).map((startsAt) => ({ startsAt, status: 'held' as const }))
  // 200 ahead: five a weekday (of eight hours) over the 60 days, after the 24 h notice.
  const ahead = weekdayStarts(new Date(NOW.getTime() + DAY), 1, AHEAD, [7, 9, 10, 12, 14]).map((startsAt) => ({ startsAt, status: 'booked' as const }))
  const rows = [...past, ...ahead].map(({ startsAt, status }, i) => ({
    coachId: setup.coachId,
    memberId: setup.memberIds[i % MEMBERS]!,
    sessionTypeId: setup.sessionTypeId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + HOUR),
    status,
    credits: 1,
    idempotencyKey: `bench-${i}`,
    createdAt: NOW,
    updatedAt: NOW,
  }))
  for (let i = 0; i < rows.length; i += 500) await db.insert(coachingBookings).values(rows.slice(i, i + 500))
  return { past: past.length, ahead: ahead.length }
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const handles: Awaited<ReturnType<typeof open>>[] = []
try {
  const empty = await open(names.empty)
  handles.push(empty)
  const full = await open(names.full)
  handles.push(full)
  const emptySetup = await seedCoach(empty.db)
  const fullSetup = await seedCoach(full.db)
  const seeded = await seedBookings(full.db, fullSetup)
  await full.db.execute(sql`analyze`)
  await empty.db.execute(sql`analyze`)

  // The member asking is one who booked (their own bookings are a second query).
  const targets = {
    empty: () => listSlots({ db: empty.db, clock }, { memberId: emptySetup.memberIds[0]!, coachId: emptySetup.coachId, sessionTypeId: emptySetup.sessionTypeId }),
    full: () => listSlots({ db: full.db, clock }, { memberId: fullSetup.memberIds[0]!, coachId: fullSetup.coachId, sessionTypeId: fullSetup.sessionTypeId }),
  }
  const check = { empty: await targets.empty(), full: await targets.full() }
  const count = (list: typeof check.empty) => list.days.reduce((n, day) => n + day.slots.length, 0)
  if (check.empty.days.length < 60 || count(check.full) >= count(check.empty) || count(check.full) === 0) {
    throw new Error(`unexpected slots: empty ${count(check.empty)}, full ${count(check.full)}`)
  }
  console.log(
    `coach with ${seeded.past + seeded.ahead} bookings (${seeded.past} past, ${seeded.ahead} within the 60 days) vs the same coach with none; ` +
      `${check.empty.days.length} days, ${count(check.empty)} vs ${count(check.full)} free slots; ${ROUNDS} rounds × ${CALLS} calls each, PostgreSQL`,
  )

  // Warm-up: JIT, connection pools, PostgreSQL's plan and buffer caches.
  for (let i = 0; i < 30; i++) {
    await targets.empty()
    await targets.full()
  }

  const times: Record<'empty' | 'full', number[]> = { empty: [], full: [] }
  for (let round = 0; round < ROUNDS; round++) {
    const order: ('empty' | 'full')[] = round % 2 ? ['full', 'empty'] : ['empty', 'full']
    const line: string[] = []
    for (const name of order) {
      const roundTimes: number[] = []
      for (let i = 0; i < CALLS; i++) {
        const start = process.hrtime.bigint()
        await targets[name]()
        roundTimes.push(Number(process.hrtime.bigint() - start) / 1e6)
      }
      times[name].push(...roundTimes)
      line.push(`${name} ${median(roundTimes).toFixed(2)} ms`)
    }
    console.log(`round ${round + 1}: ${line.join(', ')}`)
  }
  const [e, f] = [median(times.empty), median(times.full)]
  console.log(`\nmedian per listSlots call: empty database ${e.toFixed(2)} ms, 2,000 bookings ${f.toFixed(2)} ms`)
  console.log(`ratio full / empty: ${(f / e).toFixed(2)}× (target ≤ 1.5×)`)
} finally {
  for (const handle of handles) await handle.close()
  for (const name of Object.values(names)) await admin.unsafe(`drop database if exists "${name}"`)
  await admin.end()
}
