import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { recordStatEvent, statisticsPolicyText } from '@jouwbot/api/marketing-stats'
import { publishPolicyVersion, seedPrivacyPolicy } from '@jouwbot/api/privacy'
import { DAY } from '@jouwbot/auth'
import { asc, blogPosts, eq, privacySettings, rateLimits, seedRuns, sql, statEvents, statSalts, users } from '@jouwbot/db'
import { truncateAll } from '@jouwbot/db/testing'
import { createMember } from '../helpers/accounts.ts'
import { postWebhook, seedShopFixture, startBuying } from '../helpers/shop.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

// A proxy in front (trust proxy 1), so each test visitor can come from an address of its own.
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ webDist: null, payments: true, parts: { trustProxy: 1 } })
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
  await announceCookielessCounting()
})

/** The statement in force says we count without consent (the shipped text for it, after versions 1 and 2). */
async function announceCookielessCounting() {
  await seedPrivacyPolicy(deps())
  await publishPolicyVersion(deps(), { text: statisticsPolicyText, publishedBy: null, notify: false })
}

const deps = () => server.deps
const db = () => server.deps.db
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0'
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1'

interface Visit {
  path?: string
  referrer?: string
  ip?: string
  userAgent?: string
  headers?: Record<string, string>
  body?: string
}

/** What the SPA's beacon sends: text/plain JSON (sendBeacon), same-origin, from a browser. */
function beacon({ path = '/', referrer, ip = '198.51.100.23', userAgent = FIREFOX, headers = {}, body }: Visit = {}) {
  return fetch(`${server.url}/api/stats/pageview`, {
    method: 'POST',
    headers: {
      'content-type': 'text/plain;charset=UTF-8',
      'sec-fetch-site': 'same-origin',
      'user-agent': userAgent,
      'x-forwarded-for': ip,
      ...headers,
    },
    body: body ?? JSON.stringify(referrer === undefined ? { path } : { path, referrer }),
  })
}

const rows = () => db().select().from(statEvents).orderBy(asc(statEvents.id))

describe('recording page views without IP address or cookie', () => {
  test('a page view is stored as path, referring host, day and a hash — no IP, no user agent, no cookie', async () => {
    const ip = '198.51.100.77'
    const member = await createMember(deps())
    await db().delete(statEvents) // the sign-up's own event; this test is about page views
    const responses = [
      await beacon({ path: '/blog/eerste-bot', referrer: 'www.google.com', ip }),
      await beacon({ path: '/prijzen', ip, headers: { cookie: `jb_session=${member.client.token}` } }),
      await beacon({ path: '/bestelling/6f1c2a3b-1d2e-4f5a-8b9c-0d1e2f3a4b5c', referrer: 'www.LinkedIn.com', ip }),
    ]
    for (const response of responses) {
      expect(response.status).toBe(204)
      expect(response.headers.get('set-cookie')).toBeNull()
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await response.text()).toBe('')
    }
    const stored = await rows()
    expect(stored.map((r) => [r.name, r.path, r.referrerHost])).toEqual([
      ['pageview', '/blog/eerste-bot', 'google.com'],
      ['pageview', '/prijzen', null],
      // An order id in the path is counted under a placeholder.
      ['pageview', '/bestelling/:id', 'linkedin.com'],
    ])
    // One visitor: the same hash all day, whether logged in or not (the account is not used for it).
    expect(new Set(stored.map((r) => r.visitorHash)).size).toBe(1)
    expect(stored[0]!.visitorHash).toMatch(/^[0-9a-f]{32}$/)

    // Nowhere in the statistics tables nor the rate-limit counters: the address, the browser string, the account.
    const everything = JSON.stringify([
      await db().execute(sql`select * from stat_events`),
      await db().execute(sql`select * from stat_salts`),
      await db().execute(sql`select * from stat_daily`),
      await db().select().from(rateLimits),
    ])
    for (const trace of [ip, FIREFOX, 'Firefox', member.email, member.client.token!.split('.')[0]!]) expect(everything).not.toContain(trace)
  })

  test('Do Not Track and Global Privacy Control are honoured: nothing is stored, the answer is the same', async () => {
    for (const headers of [{ dnt: '1' }, { 'sec-gpc': '1' }] as Record<string, string>[]) {
      const response = await beacon({ path: '/blog', headers })
      expect(response.status).toBe(204)
      expect(response.headers.get('set-cookie')).toBeNull()
    }
    expect(await rows()).toEqual([])
    expect(await db().select().from(statSalts)).toEqual([])
    // DNT: 0 is no objection.
    expect((await beacon({ path: '/blog', headers: { dnt: '0' } })).status).toBe(204)
    expect(await rows()).toHaveLength(1)
  })

  test('a member who objected to statistics is not counted, in page views nor in events', async () => {
    const member = await createMember(deps())
    await (await member.client.api()).privacy.object({ to: 'statistics' })
    await db().delete(statEvents)
    await seedShopFixture(deps())

    expect((await beacon({ path: '/cursussen', headers: { cookie: `jb_session=${member.client.token}` } })).status).toBe(204)
    await startBuying(member.client)
    expect(await rows()).toEqual([])

    // Someone else, not logged in, from the same address is counted.
    expect((await beacon({ path: '/cursussen' })).status).toBe(204)
    expect((await rows()).map((r) => r.name)).toEqual(['pageview'])
  })

  test('a member whose processing is restricted (art. 18) is not counted, in page views nor in events; lifted, they are again', async () => {
    const member = await createMember(deps())
    const [user] = await db().select().from(users).where(eq(users.email, member.email))
    // An admin granted the member's request for restriction (privacy-staff.test.ts covers that flow).
    await db().insert(privacySettings).values({ userId: user!.id, restrictedAt: deps().clock.now() })
    await db().delete(statEvents)
    await seedShopFixture(deps())

    expect((await beacon({ path: '/cursussen', headers: { cookie: `jb_session=${member.client.token}` } })).status).toBe(204)
    await startBuying(member.client)
    expect(await rows()).toEqual([])

    await db().update(privacySettings).set({ restrictedAt: null }).where(eq(privacySettings.userId, user!.id))
    expect((await beacon({ path: '/cursussen', headers: { cookie: `jb_session=${member.client.token}` } })).status).toBe(204)
    expect((await rows()).map((r) => r.name)).toContain('pageview')
  })

  test('bots, other sites and bad bodies are not recorded; one address is rate-limited', async () => {
    for (const userAgent of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'facebookexternalhit/1.1', 'curl/8.5.0', '', 'Mozilla/5.0 HeadlessChrome/141.0']) {
      expect((await beacon({ userAgent })).status).toBe(204)
    }
    expect(await rows()).toEqual([])

    const crossSite = await beacon({ headers: { 'sec-fetch-site': 'cross-site' } })
    expect(crossSite.status).toBe(403)
    const noOrigin = await fetch(`${server.url}/api/stats/pageview`, { method: 'POST', headers: { 'content-type': 'text/plain', 'user-agent': FIREFOX }, body: '{"path":"/"}' })
    expect(noOrigin.status).toBe(403)
    for (const body of ['{"path":"/?email=a@b.nl"}', '{"path":"/","referrer":"https://elders.nl/pagina?wie=jij"}', '{"path":"https://elders.nl/"}', '{"path":"/","ip":"1.2.3.4"}', '{"path":"/\\u0000"}', 'geen json', `{"path":"/${'a'.repeat(400)}"}`]) {
      expect((await beacon({ body })).status, body).toBe(400)
    }
    expect((await beacon({ path: '/admin/statistieken' })).status).toBe(204)
    expect(await rows()).toEqual([])

    const ip = '192.0.2.200'
    const statuses: number[] = []
    for (let i = 0; i < 61; i += 1) statuses.push((await beacon({ path: `/blog/${i}`, ip })).status)
    expect(statuses.filter((s) => s === 204)).toHaveLength(60)
    expect(statuses.at(-1)).toBe(429)
    expect(await rows()).toHaveLength(60)
  })
})

describe('server-rendered pages (the blog runs no script)', () => {
  test('the server counts a view of a blog page itself: path and referring host, no cookie; DNT and a 404 count nothing', async () => {
    const now = deps().clock.now()
    await db().insert(blogPosts).values({ slug: 'eerste-bot', title: 'Je eerste bot', status: 'published', publishAt: new Date(now.getTime() - 60_000) })
    const read = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { headers: { 'user-agent': FIREFOX, 'x-forwarded-for': '198.51.100.41', ...headers } })

    const page = await read('/blog/eerste-bot', { referer: 'https://www.google.com/search?q=chatbot' })
    expect(page.status).toBe(200)
    expect(page.headers.get('set-cookie')).toBeNull()
    const counted = await eventually(async () => (await rows()).filter((row) => row.name === 'pageview'), (views) => views.length === 1)
    expect(counted).toEqual([expect.objectContaining({ path: '/blog/eerste-bot', referrerHost: 'google.com' })])
    expect(counted[0]!.visitorHash).toMatch(/^[0-9a-f]{32}$/)

    expect((await read('/blog/eerste-bot', { dnt: '1' })).status).toBe(200)
    expect((await read('/blog/bestaat-niet')).status).toBe(404)
    expect((await read('/blog')).status).toBe(200)
    // The list page's view arrives; the DNT reader and the missing page never do.
    const after = await eventually(async () => (await rows()).filter((row) => row.name === 'pageview'), (views) => views.length >= 2)
    expect(after.map((row) => row.path)).toEqual(['/blog/eerste-bot', '/blog'])
  })
})

/** Polls until `done` holds (the server counts after its answer), for at most 10 s. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const value = await read()
    if (done(value)) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return read()
}

describe('consent while the statement in force promises it', () => {
  test('under version 2 (“only if you consent”) only visitors who allowed statistics are counted', async () => {
    await truncateAll(server.handle)
    await seedPrivacyPolicy(deps())
    expect((await beacon({ path: '/blog' })).status).toBe(204)
    expect(await recordStatEvent(deps(), { name: 'ebook_requested', visitor: { ip: '198.51.100.9', userAgent: FIREFOX, optedOut: false } })).toBe(true)
    const before = await rows()
    expect(before.map((r) => [r.name, r.visitorHash])).toEqual([['ebook_requested', null]])
    expect(await db().select().from(statSalts)).toEqual([])

    expect((await beacon({ body: JSON.stringify({ path: '/blog', consent: true }) })).status).toBe(204)
    expect((await rows()).map((r) => [r.name, r.path])).toEqual([['ebook_requested', null], ['pageview', '/blog']])

    // Publishing the statement that announces counting without consent switches it on for everyone.
    await publishPolicyVersion(deps(), { text: statisticsPolicyText, publishedBy: null, notify: false })
    expect((await beacon({ path: '/prijzen' })).status).toBe(204)
    expect((await rows()).map((r) => r.path)).toEqual([null, '/blog', '/prijzen'])
  })

  test('the shipped statement text changes only the statistics and cookie paragraphs, in both languages', async () => {
    const { policyV2 } = await import('@jouwbot/api/privacy')
    for (const [v2, next] of [
      [policyV2.bodyNl, statisticsPolicyText.bodyNl],
      [policyV2.bodyEn, statisticsPolicyText.bodyEn],
    ] as const) {
      const paragraphs = (text: string) => text.split('\n\n')
      const changed = paragraphs(next).filter((p) => !paragraphs(v2).includes(p))
      expect(changed).toHaveLength(2)
      expect(changed[0]).toMatch(/^## Stat/)
      expect(changed[0]).toMatch(/IP/)
      expect(changed[1]).toMatch(/^## Cookies/)
      expect(next).not.toMatch(/only if you consent|alleen als je daar toestemming voor geeft/)
    }
  })
})

describe('the daily salt', () => {
  /** A fixed day: the statements are published again on it, so they are in force then. */
  async function setClockBeforeAnnouncing(at: Date) {
    await truncateAll(server.handle)
    deps().clock.set(at)
    await announceCookielessCounting()
  }

  test('the same visitor gets one hash a day, another the next day; the past day’s salt is deleted', async () => {
    const clock = deps().clock
    await setClockBeforeAnnouncing(new Date('2026-03-10T10:00:00Z'))
    await beacon({ path: '/', ip: '203.0.113.50' })
    await beacon({ path: '/blog', ip: '203.0.113.50' })
    await beacon({ path: '/', ip: '203.0.113.51' })
    await beacon({ path: '/', ip: '203.0.113.50', userAgent: SAFARI })
    const [saltOfDay1] = await db().select().from(statSalts)
    expect(saltOfDay1!.day).toBe('2026-03-10')
    expect(saltOfDay1!.salt).toMatch(/^[0-9a-f]{64}$/)

    clock.advance(DAY)
    await beacon({ path: '/', ip: '203.0.113.50' })
    const stored = await rows()
    expect(stored.map((r) => r.day)).toEqual(['2026-03-10', '2026-03-10', '2026-03-10', '2026-03-10', '2026-03-11'])
    const [a, aAgain, otherIp, otherBrowser, aNextDay] = stored.map((r) => r.visitorHash)
    expect(aAgain).toBe(a)
    expect(new Set([a, otherIp, otherBrowser]).size).toBe(3)
    expect(aNextDay).not.toBe(a)
    // Yesterday's salt is gone: its hashes cannot be recomputed or linked to today's.
    expect((await db().select().from(statSalts)).map((s) => s.day)).toEqual(['2026-03-11'])
    expect(await db().select().from(statSalts).where(eq(statSalts.day, '2026-03-10'))).toEqual([])
  })

  test('the day is the calendar day in Amsterdam', async () => {
    await setClockBeforeAnnouncing(new Date('2026-03-10T23:30:00Z')) // 00:30 on the 11th in Amsterdam
    await beacon({ path: '/' })
    expect((await rows())[0]!.day).toBe('2026-03-11')
  })
})

describe('events from the services', () => {
  test('sign-up, checkout started and paid are counted once each, without account or order', async () => {
    await seedShopFixture(deps())
    const buyer = await createMember(deps())
    const started = await startBuying(buyer.client)
    await server.payments!.emulator.setPaymentStatus(started.paymentId, 'paid')
    // The same webhook again changes nothing.
    expect((await postWebhook(server, `id=${started.paymentId}`)).status).toBe(200)
    const stored = await rows()
    expect(stored.map((r) => r.name)).toEqual(['signup', 'checkout_started', 'paid'])
    for (const row of stored) expect(row).toMatchObject({ path: null, referrerHost: null, visitorHash: null })
    const everything = JSON.stringify(await db().execute(sql`select * from stat_events`))
    for (const trace of [buyer.email, started.orderId, started.paymentId]) expect(everything).not.toContain(trace)
  })

  test('a statistic that cannot be written never fails the action whose transaction it runs in', async () => {
    const errors: unknown[] = []
    await db().transaction(async (tx) => {
      await tx.insert(seedRuns).values({ name: 'voor-de-statistiek' })
      // A name the table's check refuses: the savepoint is rolled back, the transaction goes on.
      const written = await recordStatEvent({ ...deps(), db: tx }, { name: 'x'.repeat(60) as never, onError: (error) => errors.push(error) })
      expect(written).toBe(false)
      await tx.insert(seedRuns).values({ name: 'na-de-statistiek' })
    })
    expect(errors).toHaveLength(1)
    expect((await db().select().from(seedRuns)).map((r) => r.name).sort()).toEqual(['na-de-statistiek', 'voor-de-statistiek'])
    expect(await rows()).toEqual([])

    // The e-book events (wired by the e-book service) go through the same function, with the visitor's hash.
    expect(await recordStatEvent(deps(), { name: 'ebook_requested', visitor: { ip: '198.51.100.9', userAgent: FIREFOX, optedOut: false } })).toBe(true)
    expect(await recordStatEvent(deps(), { name: 'ebook_confirmed', visitor: { ip: '198.51.100.9', userAgent: FIREFOX, optedOut: true } })).toBe(false)
    expect((await rows()).map((r) => [r.name, r.visitorHash?.length])).toEqual([['ebook_requested', 32]])
  })
})
