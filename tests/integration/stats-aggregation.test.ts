import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { aggregateStatsDay, recordPageView, recordStatEvent, rollUpStats, statsDay } from '@jouwbot/api/marketing-stats'
import { applyRetention } from '@jouwbot/api/privacy'
import { DAY } from '@jouwbot/auth'
import { asc, eq, newsletterSubscribers, statDaily, statEvents, statSalts } from '@jouwbot/db'
import { truncateAll } from '@jouwbot/db/testing'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { expectRefusal } from '../helpers/flows.ts'
import { seedShopFixture, startBuying } from '../helpers/shop.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ webDist: null, payments: true })
})
afterAll(async () => {
  await server.close()
})
beforeEach(async () => {
  await server.payments!.emulator.webhooksIdle()
  server.payments!.emulator.reset()
  await truncateAll(server.handle)
  server.deps.courses.invalidate()
  server.deps.clock.set(new Date())
})

const deps = () => server.deps
const db = () => server.deps.db
const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0'

/** A visitor's page view through the same service the beacon route calls. */
async function view(path: string, visitor: number, referrer?: string) {
  const outcome = await recordPageView(deps(), { path, referrer, ip: `198.51.100.${visitor}`, userAgent: UA, optedOut: false, userId: null, consent: true })
  expect(outcome).toBe('recorded')
}

const daily = async (day: string) =>
  (await db().select().from(statDaily).where(eq(statDaily.day, day)).orderBy(asc(statDaily.dimension), asc(statDaily.key))).map((r) => [r.dimension, r.key, r.visitors, r.count])

describe('the daily roll-up', () => {
  test('counts visitors, page views per path and section, referrers and events; running it again gives the same numbers', async () => {
    deps().clock.set(new Date('2026-04-02T09:00:00Z'))
    await view('/blog/een', 1, 'google.com')
    await view('/blog/twee', 1)
    await view('/blog/een', 2, 'google.com')
    await view('/', 3, 'facebook.com')
    await recordStatEvent(deps(), { name: 'signup' })
    await recordStatEvent(deps(), { name: 'signup' })
    const day = '2026-04-02'

    const expected = [
      ['total', '', 3, 4],
      ['page', '/', 1, 1],
      ['page', '/blog/een', 2, 2],
      ['page', '/blog/twee', 1, 1],
      ['section', '/', 1, 1],
      ['section', '/blog', 2, 3],
      ['referrer', 'facebook.com', 1, 1],
      ['referrer', 'google.com', 2, 2],
      ['event', 'signup', 0, 2],
    ]
    expect(await aggregateStatsDay(deps(), { day })).toEqual({ day, rows: expected.length })
    expect(await daily(day)).toEqual(expected)
    expect(await aggregateStatsDay(deps(), { day })).toEqual({ day, rows: expected.length })
    expect(await daily(day)).toEqual(expected)

    // A late page view of the same day is added by the next run, not counted twice.
    await view('/', 4)
    await aggregateStatsDay(deps(), { day })
    expect((await daily(day)).find((r) => r[0] === 'total')).toEqual(['total', '', 4, 5])
  })

  test('the job rolls up yesterday and today and deletes past salts; a day without raw events keeps its totals', async () => {
    deps().clock.set(new Date('2026-04-02T20:00:00Z'))
    await view('/', 1)
    deps().clock.advance(DAY)
    await view('/prijzen', 1)
    // The job, an hour after midnight: both days, yesterday's salt already gone.
    const result = await rollUpStats(deps())
    expect(result.days.map((d) => d.day)).toEqual(['2026-04-02', '2026-04-03'])
    expect((await db().select().from(statSalts)).map((s) => s.day)).toEqual(['2026-04-03'])
    expect(await daily('2026-04-02')).toContainEqual(['total', '', 1, 1])

    // Raw events gone (retention): rolling that day up again leaves its totals alone.
    await db().delete(statEvents).where(eq(statEvents.day, '2026-04-02'))
    expect(await aggregateStatsDay(deps(), { day: '2026-04-02' })).toMatchObject({ kept: 'noRawEvents' })
    expect(await daily('2026-04-02')).toContainEqual(['total', '', 1, 1])
  })
})

describe('retention', () => {
  test('raw events go after 12 months; the daily totals stay', async () => {
    const now = new Date()
    const monthsAgo = (months: number) => {
      const date = new Date(now)
      date.setUTCMonth(date.getUTCMonth() - months)
      return date
    }
    deps().clock.set(monthsAgo(13))
    await view('/oud', 1)
    await recordStatEvent(deps(), { name: 'paid' })
    const oldDay = statsDay(deps().clock.now())
    await aggregateStatsDay(deps(), { day: oldDay })
    deps().clock.set(monthsAgo(11))
    await view('/recent', 1)

    deps().clock.set(now)
    const [run] = await applyRetention(deps(), { rules: ['statistics-raw-events'], dryRun: false, job: 'test' })
    expect(run).toMatchObject({ rule: 'statistics-raw-events', rows: { stat_events: 2 }, errors: [] })
    expect((await db().select().from(statEvents)).map((e) => e.path)).toEqual(['/recent'])
    expect(await daily(oldDay)).toEqual(expect.arrayContaining([['page', '/oud', 1, 1], ['event', 'paid', 0, 1]]))
  })
})

describe('the dashboard', () => {
  test('funnel, conversion rates, top pages, referrers and revenue from a seeded scenario; admins only', async () => {
    await seedShopFixture(deps())
    const admin = await createMember(deps(), { firstName: 'Anna' })
    await makeStaff(deps(), admin)
    const member = await createMember(deps())
    await expectRefusal((await member.client.api()).admin.stats.dashboard({ from: '2026-01-01', to: '2026-01-31' }), 'FORBIDDEN', 'error.forbidden')
    await db().delete(statEvents) // the accounts above: the scenario starts from nothing

    // 10 blog readers (one of whom reads two posts), 2 visitors elsewhere only.
    for (let visitor = 1; visitor <= 10; visitor += 1) await view(`/blog/post-${visitor % 3}`, visitor, visitor <= 6 ? 'google.com' : 'linkedin.com')
    await view('/blog/post-1', 1)
    await view('/', 50)
    await view('/prijzen', 51)
    // 4 ask for the e-book, 3 confirm, 2 make an account, 1 buys (the real flows for the last two).
    for (let i = 0; i < 4; i += 1) await recordStatEvent(deps(), { name: 'ebook_requested' })
    for (let i = 0; i < 3; i += 1) await recordStatEvent(deps(), { name: 'ebook_confirmed' })
    const buyer = await createMember(deps())
    await createMember(deps())
    const started = await startBuying(buyer.client)
    await server.payments!.emulator.setPaymentStatus(started.paymentId, 'paid')

    // The newsletter list: Anna and Bram confirm today (Bram leaves again), Cees and Dirk were on the list
    // already (Dirk leaves today), Eva never confirms, Fleur's address bounced today.
    const now = deps().clock.now()
    const earlier = new Date(now.getTime() - 40 * DAY)
    const subscriber = (name: string, row: Partial<typeof newsletterSubscribers.$inferInsert>) =>
      ({ email: `${name}@example.nl`, source: 'form', consentTextVersion: 'v1', unsubscribeToken: `token-${name}`, status: 'confirmed', ...row }) as const
    await db()
      .insert(newsletterSubscribers)
      .values([
        subscriber('anna', { confirmedAt: now }),
        subscriber('bram', { confirmedAt: now, status: 'unsubscribed', unsubscribedAt: now }),
        subscriber('cees', { confirmedAt: earlier }),
        subscriber('dirk', { confirmedAt: earlier, status: 'unsubscribed', unsubscribedAt: now }),
        subscriber('eva', { status: 'pending' }),
        subscriber('fleur', { confirmedAt: earlier, status: 'bounced', suppressedAt: now }),
      ])

    const today = statsDay(now)
    await aggregateStatsDay(deps(), { day: today })
    const dashboard = await (await admin.client.api()).admin.stats.dashboard({ from: today, to: today })

    expect(dashboard.totals).toEqual({ visitors: 12, pageViews: 13 })
    expect(dashboard.days).toEqual([{ day: today, visitors: 12, pageViews: 13 }])
    expect(dashboard.funnel).toEqual([
      { step: 'blog', count: 10, rate: null, overall: null },
      { step: 'ebook_requested', count: 4, rate: 0.4, overall: 0.4 },
      { step: 'ebook_confirmed', count: 3, rate: 0.75, overall: 0.3 },
      { step: 'signup', count: 2, rate: 2 / 3, overall: 0.2 },
      { step: 'paid', count: 1, rate: 0.5, overall: 0.1 },
    ])
    expect(dashboard.events).toMatchObject({ checkout_started: 1, paid: 1, signup: 2 })
    expect(dashboard.topPages[0]).toEqual({ path: '/blog/post-1', visitors: 4, pageViews: 5 })
    expect(dashboard.topPages.map((p) => p.path)).toEqual(['/blog/post-1', '/blog/post-0', '/blog/post-2', '/', '/prijzen'])
    expect(dashboard.referrers).toEqual([
      { host: 'google.com', visitors: 6, pageViews: 6 },
      { host: 'linkedin.com', visitors: 4, pageViews: 4 },
    ])
    const month = today.slice(0, 7)
    expect(dashboard.revenue).toEqual([{ month, orders: 1, cents: 29_700 }])
    // Joined: Anna, Bram; left: Bram, Dirk, Fleur; on the list at the end: Anna and Cees.
    expect(dashboard.newsletter).toEqual([{ month, joined: 2, left: 3, subscribers: 2 }])

    // A period without data: zeros for every day, no division by zero.
    const empty = await (await admin.client.api()).admin.stats.dashboard({ from: '2025-01-01', to: '2025-01-03' })
    expect(empty.days.map((d) => d.pageViews)).toEqual([0, 0, 0])
    expect(empty.funnel.map((s) => s.rate)).toEqual([null, null, null, null, null])
    expect(empty.revenue).toEqual([])
    expect(empty.newsletter).toEqual([])
  })
})
