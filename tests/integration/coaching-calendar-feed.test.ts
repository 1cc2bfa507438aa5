import { randomUUID } from 'node:crypto'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bookingUid, bookSession, cancelBooking, createCalendarFeed, grantCredits, rescheduleBooking } from '@jouwbot/api/coaching'
import { collectPersonalData, eraseDueAccounts } from '@jouwbot/api/privacy'
import { accountErasures, auditLog, coachingCalendarFeeds, eq, rateLimits, users } from '@jouwbot/db'
import { createMember } from '../helpers/accounts.ts'
import { coachingMails, insertCoach, memberWithCredits, parseIcs, weekdayAt } from '../helpers/coaching.ts'
import { expectRefusal, userByEmail } from '../helpers/flows.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ webDist: null })
})
afterAll(async () => {
  await server.close()
})

const DAY = 24 * 3_600_000

/** The feed as a calendar app fetches it (no cookie), parsed back with ical.js. */
async function fetchFeed(url: string) {
  const response = await fetch(url.replace(/^http:\/\/localhost:\d+/, server.url))
  const text = await response.text()
  return { response, text }
}

function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((event) => ({
      uid: event.getFirstPropertyValue('uid') as string,
      sequence: Number(event.getFirstPropertyValue('sequence')),
      status: event.getFirstPropertyValue('status'),
      start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
      location: event.getFirstPropertyValue('location'),
      summary: event.getFirstPropertyValue('summary') as string,
      attendees: event.getAllProperties('attendee').length,
    })),
  }
}

const book = (memberId: string, coach: Awaited<ReturnType<typeof insertCoach>>, startsAt: Date) =>
  bookSession(server.deps, { memberId, coachId: coach.coach.id, sessionTypeId: coach.type.id, startsAt, topic: 'Les 3', lessonId: null, expressStartRequested: false, idempotencyKey: randomUUID() })

async function scene() {
  const deps = server.deps
  deps.clock.set(new Date('2026-06-01T06:00:00Z')) // Monday 08:00 in Amsterdam
  await deps.db.delete(rateLimits)
  const coach = await insertCoach(deps)
  const other = await insertCoach(deps)
  const sanne = await createMember(deps)
  const sanneRow = await userByEmail(deps, sanne.email)
  const admin = await memberWithCredits(deps, 0)
  await grantCredits(deps, { adminId: admin.id, userId: sanneRow.id, credits: 3, note: 'test' })
  const bert = await memberWithCredits(deps, 2)
  const moved = await book(sanneRow.id, coach, weekdayAt(deps.clock.now(), 3, 10))
  await rescheduleBooking(deps, { actor: { userId: sanneRow.id, role: 'member' }, bookingId: moved.id, startsAt: weekdayAt(deps.clock.now(), 3, 14) })
  const canceled = await book(sanneRow.id, other, weekdayAt(deps.clock.now(), 4, 10))
  await cancelBooking(deps, { actor: { userId: sanneRow.id, role: 'member' }, bookingId: canceled.id, acceptForfeit: false })
  const bertsSession = await book(bert.id, coach, weekdayAt(deps.clock.now(), 3, 11))
  return { deps, coach, other, sanne, sanneRow, bert, moved, canceled, bertsSession }
}

describe('private calendar feed', () => {
  test('a member makes a feed URL; calendar apps get her live sessions only, with the mails’ UID and SEQUENCE, the location, and no-store', async () => {
    const { deps, sanne, sanneRow, moved, canceled, bertsSession } = await scene()
    const api = await sanne.client.api()
    expect(await api.coaching.calendarFeed()).toBeNull()
    const made = await api.coaching.createCalendarFeed()
    expect(made.url).toMatch(/\/coaching\/agenda\/[a-z2-7]{26}\.[a-z2-7]{52}\.ics$/)
    expect(made.webcalUrl).toBe(made.url.replace(/^http:/, 'webcal:'))
    // Only the id and a hash are stored: the URL's secret is nowhere in the database.
    const [row] = await deps.db.select().from(coachingCalendarFeeds).where(eq(coachingCalendarFeeds.userId, sanneRow.id))
    const secret = /\.([a-z2-7]{52})\.ics$/.exec(made.url)![1]!
    expect(row!.secretHash).not.toContain(secret)
    expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/)

    const { response, text } = await fetchFeed(made.url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const { calendar, events } = eventsOf(text)
    // A subscription, not an invitation: no METHOD, no attendees.
    expect(calendar.getFirstPropertyValue('method')).toBeNull()
    expect(events).toHaveLength(1)
    const host = new URL(deps.appOrigin).hostname
    expect(events[0]).toMatchObject({ uid: bookingUid(moved.id, host), sequence: 1, status: 'CONFIRMED', location: 'https://meet.example/robin', attendees: 0 })
    expect(events[0]!.start).toEqual(weekdayAt(new Date('2026-06-01T06:00:00Z'), 3, 14))
    // The same UID as the reschedule mail's calendar file, so an imported invitation and the feed agree.
    const mails = await coachingMails(deps.db, sanne.email)
    const lastFile = parseIcs(mails.filter((mail) => mail.attachments?.[0]?.content.includes(moved.id)).at(-1)!.attachments![0]!.content)
    expect(lastFile).toMatchObject({ uid: events[0]!.uid, sequence: 1 })
    // Neither her cancelled session nor Bert's.
    expect(text).not.toContain(canceled.id)
    expect(text).not.toContain(bertsSession.id)

    const status = await api.coaching.calendarFeed()
    expect(status).toMatchObject({ createdAt: deps.clock.now(), lastFetchedAt: deps.clock.now() })

    // 40 days on, the session is more than 30 days past: left out.
    deps.clock.advance(40 * DAY)
    expect(eventsOf((await fetchFeed(made.url)).text).events).toHaveLength(0)
  })

  test('a coach’s feed holds the sessions booked with them (not another coach’s), and needs two-step verification', async () => {
    const { deps, coach, other, moved, bertsSession, canceled } = await scene()
    const coachUser = { id: coach.coach.id, role: 'coach' as const, totpEnabledAt: null }
    await expectRefusal(createCalendarFeed(deps, { user: coachUser }), 'FORBIDDEN', 'privacy.staffTwoFactorRequired')
    await deps.db.update(users).set({ totpEnabledAt: deps.clock.now() }).where(eq(users.id, coach.coach.id))
    const made = await createCalendarFeed(deps, { user: { ...coachUser, totpEnabledAt: deps.clock.now() } })
    const { text } = await fetchFeed(made.url)
    const uids = eventsOf(text).events.map((event) => event.uid)
    const host = new URL(deps.appOrigin).hostname
    expect(uids.sort()).toEqual([bookingUid(moved.id, host), bookingUid(bertsSession.id, host)].sort())

    await deps.db.update(users).set({ totpEnabledAt: deps.clock.now() }).where(eq(users.id, other.coach.id))
    const otherFeed = await createCalendarFeed(deps, { user: { id: other.coach.id, role: 'coach', totpEnabledAt: deps.clock.now() } })
    // The other coach's only session was cancelled: an empty calendar.
    const otherText = (await fetchFeed(otherFeed.url)).text
    expect(eventsOf(otherText).events).toHaveLength(0)
    expect(otherText).not.toContain(canceled.id)
  })

  test('a new link revokes the old one at once, revoking answers 404 from then on; both are audited', async () => {
    const { deps, sanne, sanneRow } = await scene()
    const api = await sanne.client.api()
    const first = await api.coaching.createCalendarFeed()
    const second = await api.coaching.createCalendarFeed()
    expect(second.url).not.toBe(first.url)
    expect((await fetchFeed(first.url)).response.status).toBe(404)
    expect((await fetchFeed(second.url)).response.status).toBe(200)
    // The right id with a wrong secret, a malformed name, an unknown token: all 404.
    const wrongSecret = second.url.replace(/\.([a-z2-7]{52})\.ics$/, `.${'a'.repeat(52)}.ics`)
    for (const url of [wrongSecret, `${server.url}/coaching/agenda/nope.ics`, `${server.url}/coaching/agenda/${'b'.repeat(26)}.${'c'.repeat(52)}.ics`]) {
      const { response } = await fetchFeed(url)
      expect(response.status, url).toBe(404)
      expect(response.headers.get('cache-control')).toBe('private, no-store')
    }
    expect(await api.coaching.revokeCalendarFeed()).toEqual({ revoked: true })
    expect((await fetchFeed(second.url)).response.status).toBe(404)
    expect(await api.coaching.calendarFeed()).toBeNull()
    expect(await api.coaching.revokeCalendarFeed()).toEqual({ revoked: false })
    const actions = (await deps.db.select().from(auditLog).where(eq(auditLog.subjectUserId, sanneRow.id))).map((row) => row.action)
    expect(actions.filter((action) => action.startsWith('coaching.calendar_feed'))).toEqual([
      'coaching.calendar_feed_created',
      'coaching.calendar_feed_created',
      'coaching.calendar_feed_revoked',
    ])
  })

  test('the export says a feed exists but never its token; erasure deletes it', async () => {
    const { deps, sanne, sanneRow } = await scene()
    const made = await (await sanne.client.api()).coaching.createCalendarFeed()
    const [id, secret] = /\/([a-z2-7]{26})\.([a-z2-7]{52})\.ics$/.exec(made.url)!.slice(1)
    const collected = await collectPersonalData(deps, { userId: sanneRow.id, email: sanne.email })
    const location = collected.flatMap((category) => category.locations).find((l) => l.where.startsWith('coaching_calendar_feeds.'))!
    expect(location.rows).toHaveLength(1)
    expect(location.rows[0]).toHaveProperty('created_at')
    const dump = JSON.stringify(collected)
    expect(dump).not.toContain(id!)
    expect(dump).not.toContain(secret!)
    const [row] = await deps.db.select().from(coachingCalendarFeeds).where(eq(coachingCalendarFeeds.userId, sanneRow.id))
    expect(dump).not.toContain(row!.secretHash)

    // Her bookings go with her account too; the feed row must not survive it.
    await deps.db.insert(accountErasures).values({ userId: sanneRow.id, cancelTokenHash: randomUUID(), requestedAt: deps.clock.now(), scheduledFor: deps.clock.now() })
    expect(await eraseDueAccounts(deps)).toEqual({ erased: 1 })
    expect(await deps.db.select().from(coachingCalendarFeeds).where(eq(coachingCalendarFeeds.userId, sanneRow.id))).toEqual([])
    expect((await fetchFeed(made.url)).response.status).toBe(404)
  })

  test('too many unknown tokens from one IP are throttled (429 with Retry-After), even for a right token; right ones do not count', async () => {
    const { sanne } = await scene()
    const made = await (await sanne.client.api()).coaching.createCalendarFeed()
    // Fetches of a real feed never use up the limit (a calendar service fetches many feeds from one address).
    for (let i = 0; i < 35; i += 1) expect((await fetchFeed(made.url)).response.status).toBe(200)
    const unknown = `${server.url}/coaching/agenda/${'d'.repeat(26)}.${'e'.repeat(52)}.ics`
    for (let i = 0; i < 30; i += 1) expect((await fetchFeed(unknown)).response.status).toBe(404)
    const throttled = await fetchFeed(unknown)
    expect(throttled.response.status).toBe(429)
    expect(Number(throttled.response.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await fetchFeed(made.url)).response.status).toBe(429)
  })
})
