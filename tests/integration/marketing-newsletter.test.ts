import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { applyRetention } from '@jouwbot/api/privacy'
import { recordBounce, sendDueNewsletters, type SendStep } from '@jouwbot/api/marketing'
import { and, ebookRequests, eq, mailOutbox, newsletterDeliveries, newsletters, newsletterSubscribers, privacySettings, statEvents, users } from '@jouwbot/db'
import { truncateAll } from '@jouwbot/db/testing'
import { deliverPendingMail, type MailMessage, type MailTransport } from '@jouwbot/mail'
import { createMember, makeStaff, uniqueEmail } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { expectRefusal, expectThrottled } from '../helpers/flows.ts'
import { mailsTo } from '../helpers/mailbox.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ webDist: null })
})
afterAll(async () => {
  await server.close()
})
beforeEach(async () => {
  await truncateAll(server.handle)
})

const deps = () => server.deps
const HOUR = 3600_000
let ipCounter = 0
/** A fresh visitor (own IP) each time, so per-IP limits only bite where a test wants them to. */
const visitor = () => new TestClient(deps(), `198.51.100.${(ipCounter++ % 250) + 1}`)

/** The token of the newest mailed link to `path` for this address (tokens are base64url). */
async function linkToken(to: string, path: string): Promise<string> {
  for (const mail of await mailsTo(deps().db, to)) {
    const match = mail.text.match(new RegExp(`https?://[^\\s]+${path}\\?token=([A-Za-z0-9_-]+)`))
    if (match?.[1]) return match[1]
  }
  throw new Error(`No mail with a ${path} link to ${to}`)
}

async function confirmedSubscriber(email = uniqueEmail('abonnee')) {
  await (await visitor().api()).marketing.subscribe({ email })
  await (await visitor().api()).marketing.confirmSubscription({ token: await linkToken(email, '/nieuwsbrief/bevestigen') })
  const [row] = await deps().db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email))
  expect(row!.status).toBe('confirmed')
  return row!
}

async function adminClient() {
  const admin = await createMember(deps(), { email: uniqueEmail('admin') })
  await makeStaff(deps(), admin, 'admin')
  return admin
}

/** A newsletter written by an admin and scheduled for now (the job picks it up on its next run). */
async function scheduledNewsletter(subject = 'Nieuws over bots') {
  const admin = await adminClient()
  const api = await admin.client.api()
  const { id, slug } = await api.admin.marketing.saveNewsletter({ subject, bodyMarkdown: `# ${subject}\n\nHallo! Lees [de cursus](https://jouwbot.nl/cursus).` })
  await api.admin.marketing.scheduleNewsletter({ id })
  return { id, slug, admin }
}

const newsletterMails = () => deps().db.select().from(mailOutbox).where(eq(mailOutbox.template, 'newsletter'))

function recordingTransport(): MailTransport & { sent: MailMessage[] } {
  const sent: MailMessage[] = []
  return { kind: 'smtp', sent, send: async (message) => void sent.push(message), close: () => {} }
}

async function download(path: string) {
  return fetch(`${server.url}${path}`)
}

describe('the free e-book: double opt-in', () => {
  test('request → confirmation mail → confirm → a signed download link that serves the PDF a few times', async () => {
    const email = uniqueEmail('lezer')
    const answer = await (await visitor().api()).marketing.requestEbook({ email, firstName: 'Lotte', newsletter: false })
    expect(answer).toEqual({ ok: true, downloadPath: null })
    const [mail] = await mailsTo(deps().db, email)
    expect(mail!.template).toBe('ebookConfirm')
    expect(mail!.text).toContain('Lotte')

    const confirmed = await (await visitor().api()).marketing.confirmEbook({ token: await linkToken(email, '/stappenplan/bevestigen') })
    expect(confirmed.newsletter).toBe(false)
    expect(confirmed.downloadPath).toMatch(/^\/ebook\/download\?g=[0-9a-f-]{36}&e=\d+&s=[A-Za-z0-9_-]+$/)
    // The e-book never depends on the newsletter: nobody was subscribed.
    expect(await deps().db.$count(newsletterSubscribers)).toBe(0)
    // Both steps count in the statistics' funnel (a name and a time, nothing about Lotte).
    const events = await deps().db.select().from(statEvents)
    expect(events.map((event) => event.name).sort()).toEqual(['ebook_confirmed', 'ebook_requested'])
    expect(JSON.stringify(events)).not.toContain(email)

    for (let i = 0; i < 5; i++) {
      const response = await download(confirmed.downloadPath)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('application/pdf')
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    }
    // Used up.
    expect((await download(confirmed.downloadPath)).status).toBe(410)
  })

  test('a reused, tampered or expired confirmation link is refused', async () => {
    const email = uniqueEmail('lezer')
    await (await visitor().api()).marketing.requestEbook({ email, newsletter: false })
    const token = await linkToken(email, '/stappenplan/bevestigen')
    const tampered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1)
    await expectRefusal((async () => (await visitor().api()).marketing.confirmEbook({ token: tampered }))(), 'NOT_FOUND', 'marketing.linkInvalid')
    await (await visitor().api()).marketing.confirmEbook({ token })
    await expectRefusal((async () => (await visitor().api()).marketing.confirmEbook({ token }))(), 'CONFLICT', 'marketing.linkUsed')

    const late = uniqueEmail('laat')
    await (await visitor().api()).marketing.requestEbook({ email: late, newsletter: false })
    const lateToken = await linkToken(late, '/stappenplan/bevestigen')
    deps().clock.advance(49 * HOUR)
    try {
      await expectRefusal((async () => (await visitor().api()).marketing.confirmEbook({ token: lateToken }))(), 'BAD_REQUEST', 'marketing.linkExpired')
    } finally {
      deps().clock.set(new Date())
    }
  })

  test('a download link with a changed signature, grant or expiry is refused; an old one has expired', async () => {
    const email = uniqueEmail('lezer')
    await (await visitor().api()).marketing.requestEbook({ email, newsletter: false })
    const { downloadPath } = await (await visitor().api()).marketing.confirmEbook({ token: await linkToken(email, '/stappenplan/bevestigen') })
    const url = new URL(downloadPath, server.url)
    const changed = (key: string, value: string) => {
      const copy = new URL(url)
      copy.searchParams.set(key, value)
      return `${copy.pathname}${copy.search}`
    }
    expect((await download(changed('s', 'x'.repeat(22)))).status).toBe(404)
    expect((await download(changed('e', String(Number(url.searchParams.get('e')) + 3600)))).status).toBe(404)
    expect((await download(changed('g', '00000000-0000-4000-8000-000000000000'))).status).toBe(404)
    expect(await deps().db.$count(ebookRequests)).toBe(1)
    deps().clock.advance(8 * 24 * HOUR)
    try {
      expect((await download(downloadPath)).status).toBe(410)
    } finally {
      deps().clock.set(new Date())
    }
  })

  test('the ticked newsletter box is confirmed by the same click; a logged-in verified member downloads at once', async () => {
    const email = uniqueEmail('lezer')
    await (await visitor().api()).marketing.requestEbook({ email, newsletter: true })
    expect((await mailsTo(deps().db, email))[0]!.text).toMatch(/nieuwsbrief/i)
    await (await visitor().api()).marketing.confirmEbook({ token: await linkToken(email, '/stappenplan/bevestigen') })
    const [subscriber] = await deps().db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email))
    expect(subscriber).toMatchObject({ status: 'confirmed', source: 'ebook', consentTextVersion: 'newsletter-box-v1' })

    const member = await createMember(deps())
    const answer = await (await member.client.api()).marketing.requestEbook({ email: member.email, newsletter: false })
    expect(answer.downloadPath).toMatch(/^\/ebook\/download\?/)
    expect((await download(answer.downloadPath!)).status).toBe(200)
    expect((await mailsTo(deps().db, member.email)).filter((m) => m.template === 'ebookConfirm')).toHaveLength(0)
  })

  test('the same answer for an unknown address, a member’s address and a subscriber’s; the honeypot does nothing', async () => {
    const member = await createMember(deps())
    const subscriber = await confirmedSubscriber()
    const answers = []
    for (const email of [uniqueEmail('onbekend'), member.email, subscriber.email]) {
      answers.push(await (await visitor().api()).marketing.requestEbook({ email, newsletter: true }))
      answers.push(await (await visitor().api()).marketing.subscribe({ email }))
    }
    expect(answers.filter((a, i) => i % 2 === 0)).toEqual(Array(3).fill({ ok: true, downloadPath: null }))
    expect(answers.filter((a, i) => i % 2 === 1)).toEqual(Array(3).fill({ ok: true }))
    // A repeated sign-up never downgrades a confirmed subscriber.
    const [after] = await deps().db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, subscriber.email))
    expect(after).toMatchObject({ status: 'confirmed', confirmedAt: subscriber.confirmedAt })

    const bot = uniqueEmail('bot')
    expect(await (await visitor().api()).marketing.requestEbook({ email: bot, newsletter: true, website: 'https://spam.example' })).toEqual({ ok: true, downloadPath: null })
    expect(await mailsTo(deps().db, bot)).toHaveLength(0)
    expect(await deps().db.$count(ebookRequests, eq(ebookRequests.email, bot))).toBe(0)
  })
})

describe('rate limits', () => {
  test('per IP the forms are throttled; per address at most one mail per 10 minutes and five requests a day', async () => {
    const client = new TestClient(deps(), '192.0.2.77')
    for (let i = 0; i < 10; i++) await (await client.api()).marketing.requestEbook({ email: uniqueEmail('ip'), newsletter: false })
    await expectThrottled((async () => (await client.api()).marketing.requestEbook({ email: uniqueEmail('ip'), newsletter: false }))(), 3600)

    const email = uniqueEmail('vaak')
    await (await visitor().api()).marketing.requestEbook({ email, newsletter: false })
    await (await visitor().api()).marketing.requestEbook({ email, newsletter: false })
    await (await visitor().api()).marketing.subscribe({ email })
    expect(await mailsTo(deps().db, email)).toHaveLength(1)
    try {
      deps().clock.advance(11 * 60_000)
      await (await visitor().api()).marketing.requestEbook({ email, newsletter: false })
      expect(await mailsTo(deps().db, email)).toHaveLength(2)
      // Four requests counted so far; the fifth of the day may still mail, the ones after it are dropped silently.
      for (let i = 0; i < 3; i++) {
        deps().clock.advance(11 * 60_000)
        await (await visitor().api()).marketing.requestEbook({ email, newsletter: false })
      }
      expect(await mailsTo(deps().db, email)).toHaveLength(3)
    } finally {
      deps().clock.set(new Date())
    }
  })
})

describe('unsubscribing (RFC 8058)', () => {
  test('a GET of the link changes nothing; the one-click POST without cookie or origin unsubscribes', async () => {
    const subscriber = await confirmedSubscriber()
    const path = `/nieuwsbrief/afmelden?token=${subscriber.unsubscribeToken}`
    await fetch(`${server.url}${path}`)
    const [afterGet] = await deps().db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.id, subscriber.id))
    expect(afterGet!.status).toBe('confirmed')

    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(response.status).toBe(200)
    const [afterPost] = await deps().db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.id, subscriber.id))
    expect(afterPost).toMatchObject({ status: 'unsubscribed' })
    expect(afterPost!.unsubscribedAt).not.toBeNull()
    // An unknown token gets the same answer.
    expect((await fetch(`${server.url}/nieuwsbrief/afmelden?token=onbekend`, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(200)
  })

  test('a member who unsubscribes by the link withdraws the consent on the account too', async () => {
    const member = await createMember(deps())
    await (await member.client.api()).marketing.setMemberNewsletter({ subscribed: true })
    const [user] = await deps().db.select().from(users).where(eq(users.email, member.email))
    expect(user!.newsletterConsentAt).not.toBeNull()
    const [subscriber] = await deps().db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.userId, user!.id))
    await (await visitor().api()).marketing.unsubscribe({ token: subscriber!.unsubscribeToken })
    const [after] = await deps().db.select().from(users).where(eq(users.id, user!.id))
    expect(after!.newsletterConsentAt).toBeNull()
    expect(await (await member.client.api()).marketing.memberNewsletter()).toEqual({ subscribed: false })
  })
})

describe('sending a newsletter', () => {
  test('every mail has its own sender, List-Id, List-Unsubscribe (https + mailto), the one-click header and a visible link', async () => {
    const subscriber = await confirmedSubscriber()
    const member = await createMember(deps())
    await (await member.client.api()).marketing.setMemberNewsletter({ subscribed: true })
    const { slug } = await scheduledNewsletter()
    const result = await sendDueNewsletters(deps())
    expect(result).toMatchObject({ started: 1, queued: 2, finished: 1 })
    const mails = await newsletterMails()
    expect(mails.map((m) => m.to).sort()).toEqual([subscriber.email, member.email].sort())
    const mine = mails.find((m) => m.to === subscriber.email)!
    expect(mine.fromAddress).toMatch(/nieuwsbrief@/)
    const unsubscribeUrl = `${deps().appOrigin}/nieuwsbrief/afmelden?token=${subscriber.unsubscribeToken}`
    expect(mine.headers).toMatchObject({
      'List-Id': expect.stringMatching(/^Jouw Bot nieuwsbrief <nieuwsbrief\..+>$/),
      'List-Unsubscribe': expect.stringContaining(`<${unsubscribeUrl}>`),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
    expect(mine.headers!['List-Unsubscribe']).toMatch(/<mailto:[^>]+>/)
    expect(mine.text).toContain(unsubscribeUrl)
    expect(mine.html).toContain(`href="${unsubscribeUrl.replace(/&/g, '&#38;')}"`)
    expect(mine.html).not.toMatch(/<img[^>]+(track|pixel|open)/i)

    const transport = recordingTransport()
    await deliverPendingMail({ db: deps().db, transport, from: 'Jouw Bot <noreply@jouwbot.nl>', now: () => deps().clock.now() }, 100)
    const delivered = transport.sent.find((m) => m.to === subscriber.email && m.subject === 'Nieuws over bots')!
    expect(delivered.from).toMatch(/nieuwsbrief@/)
    expect(delivered.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')

    const archive = await (await visitor().api()).marketing.archive()
    expect(archive.map((a) => a.slug)).toEqual([slug])
    const page = await (await visitor().api()).marketing.archived({ slug })
    expect(page.html).toContain('<a href="https://jouwbot.nl/cursus"')
    expect(page.html).not.toContain(subscriber.unsubscribeToken)
  })

  test('a hard bounce or complaint stops mail: queued mails are withdrawn and later sends skip the address', async () => {
    const bounced = await confirmedSubscriber(uniqueEmail('bounce'))
    const complained = await confirmedSubscriber(uniqueEmail('klacht'))
    const fine = await confirmedSubscriber(uniqueEmail('goed'))
    await scheduledNewsletter('Eerste')
    await sendDueNewsletters(deps())
    expect(await newsletterMails()).toHaveLength(3)
    const admin = await adminClient()
    await (await admin.client.api()).admin.marketing.recordBounce({ email: bounced.email, kind: 'hard_bounce' })
    await recordBounce(deps(), { email: complained.email, kind: 'complaint' })
    const transport = recordingTransport()
    await deliverPendingMail({ db: deps().db, transport, from: 'x@jouwbot.nl', now: () => deps().clock.now() }, 100)
    expect(transport.sent.filter((m) => m.subject === 'Eerste').map((m) => m.to)).toEqual([fine.email])

    // A later sign-up attempt does not bring a suppressed address back.
    await (await visitor().api()).marketing.subscribe({ email: bounced.email })
    await scheduledNewsletter('Tweede')
    await sendDueNewsletters(deps())
    const second = (await newsletterMails()).filter((m) => m.subject === 'Tweede').map((m) => m.to)
    expect(second).toEqual([fine.email])
  })

  test('members who objected or whose processing is restricted get nothing, even when already fixed as recipients', async () => {
    const member = await createMember(deps())
    await (await member.client.api()).marketing.setMemberNewsletter({ subscribed: true })
    const restricted = await createMember(deps())
    await (await restricted.client.api()).marketing.setMemberNewsletter({ subscribed: true })
    const other = await confirmedSubscriber()
    await scheduledNewsletter()
    // Recipients fixed (a crash right after), then one member objects and the other's processing is restricted.
    await expect(sendDueNewsletters(deps(), { onStep: (step) => { if (step === 'recipients-fixed') throw new Error('crash') } })).rejects.toThrow('crash')
    expect(await deps().db.$count(newsletterDeliveries)).toBe(3)
    await (await member.client.api()).privacy.object({ to: 'newsletter' })
    const [restrictedUser] = await deps().db.select().from(users).where(eq(users.email, restricted.email))
    await deps().db.insert(privacySettings).values({ userId: restrictedUser!.id, restrictedAt: deps().clock.now() })
    const result = await sendDueNewsletters(deps())
    expect(result).toMatchObject({ queued: 1, skipped: 2 })
    expect((await newsletterMails()).map((m) => m.to)).toEqual([other.email])
  })

  test('a send resumed after a crash at any point mails nobody twice (every crash point of a run)', async () => {
    const subscribers = []
    for (let i = 0; i < 5; i++) subscribers.push(await confirmedSubscriber(uniqueEmail(`s${i}`)))
    const emails = subscribers.map((s) => s.email).sort()
    const snapshot = async () => ({ subscribers: await deps().db.select().from(newsletterSubscribers) })
    const base = await snapshot()

    // Count the steps of an undisturbed run, then crash once at each of them in turn.
    const steps: SendStep[] = []
    await scheduledNewsletter('Telling')
    await sendDueNewsletters(deps(), { batchSize: 2, onStep: (step) => steps.push(step) })
    expect(steps.filter((s) => s === 'mail-queued')).toHaveLength(3)
    expect(steps.length).toBeGreaterThanOrEqual(7)

    for (let crashAt = 0; crashAt < steps.length; crashAt++) {
      await truncateAll(server.handle)
      await deps().db.insert(newsletterSubscribers).values(base.subscribers)
      const { id } = await scheduledNewsletter(`Crash ${crashAt}`)
      let seen = 0
      await expect(
        sendDueNewsletters(deps(), {
          batchSize: 2,
          onStep: () => {
            if (seen++ === crashAt) throw new Error(`crash at ${crashAt}`)
          },
        }),
      ).rejects.toThrow(`crash at ${crashAt}`)
      // Resume (a second crash-free run may be needed only to notice the end).
      for (let run = 0; run < 3; run++) await sendDueNewsletters(deps(), { batchSize: 2 })
      const mails = (await newsletterMails()).map((m) => m.to).sort()
      expect(mails, `crash point ${crashAt} (${steps[crashAt]})`).toEqual(emails)
      const [newsletter] = await deps().db.select().from(newsletters).where(eq(newsletters.id, id))
      expect(newsletter).toMatchObject({ status: 'sent', recipientCount: 5, queuedCount: 5, skippedCount: 0 })
      expect(await deps().db.$count(newsletterDeliveries, and(eq(newsletterDeliveries.newsletterId, id), eq(newsletterDeliveries.status, 'queued')))).toBe(5)
    }
  })

  test('the rate: one run queues at most the configured number of mails', async () => {
    for (let i = 0; i < 4; i++) await confirmedSubscriber(uniqueEmail(`r${i}`))
    const { id } = await scheduledNewsletter()
    const limited = { ...deps(), newsletter: { from: 'Nieuws <nieuws@jouwbot.nl>', ratePerMinute: 3, unsubscribeMailto: 'afmelden@jouwbot.nl' } }
    expect(await sendDueNewsletters(limited)).toMatchObject({ queued: 3, finished: 0 })
    const progress = (await (await (await adminClient()).client.api()).admin.marketing.newsletters()).newsletters.find((n) => n.id === id)
    expect(progress).toMatchObject({ status: 'sending', recipientCount: 4, queuedCount: 3 })
    expect(await sendDueNewsletters(limited)).toMatchObject({ queued: 1, finished: 1 })
    expect((await newsletterMails())[0]!.fromAddress).toBe('Nieuws <nieuws@jouwbot.nl>')
  })
})

describe('admin', () => {
  test('only staff with 2FA; preview sanitises; a test goes to the admin alone; drafts are not in the archive', async () => {
    const member = await createMember(deps())
    await expectRefusal((async () => (await member.client.api()).admin.marketing.newsletters())(), 'FORBIDDEN', 'error.forbidden')
    const admin = await adminClient()
    const api = await admin.client.api()
    const preview = await api.admin.marketing.previewNewsletter({ bodyMarkdown: 'Hoi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> **vet**' })
    expect(preview.html).not.toMatch(/<script|javascript:|onerror/i)
    expect(preview.html).toContain('<strong>vet</strong>')
    const { id, slug } = await api.admin.marketing.saveNewsletter({ subject: 'Concept', bodyMarkdown: 'Nog niet af, maar bijna.' })
    expect(slug).toBe('concept')
    await expectRefusal(api.admin.marketing.saveNewsletter({ subject: 'Ander', slug: 'concept', bodyMarkdown: 'Zelfde adres, mag niet.' }), 'CONFLICT', 'marketing.slugTaken')
    await api.admin.marketing.sendTestNewsletter({ id })
    const test = await mailsTo(deps().db, admin.email)
    expect(test[0]).toMatchObject({ template: 'newsletterTest', subject: '[TEST] Concept' })
    expect(await newsletterMails()).toHaveLength(0)
    expect(await (await visitor().api()).marketing.archive()).toEqual([])
    await expectRefusal((async () => (await visitor().api()).marketing.archived({ slug }))(), 'NOT_FOUND', 'marketing.newsletterNotFound')
  })
  test('the subscriber counts per status follow every sign-up, confirmation, unsubscription, bulk change and deletion', async () => {
    const admin = await adminClient()
    const counts = async () => (await (await admin.client.api()).admin.marketing.newsletters()).subscribers
    // What a count over every subscriber says (the triggers must keep the counter table equal to it).
    const truth = async () => {
      const rows = await deps().db.select({ status: newsletterSubscribers.status }).from(newsletterSubscribers)
      const byStatus: Record<string, number> = {}
      for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1
      return byStatus
    }
    expect(await counts()).toEqual({})
    const a = await confirmedSubscriber()
    const b = await confirmedSubscriber()
    await (await visitor().api()).marketing.subscribe({ email: uniqueEmail('wacht') })
    expect(await counts()).toEqual({ confirmed: 2, pending: 1 })
    await deps().db.update(newsletterSubscribers).set({ status: 'unsubscribed' }).where(eq(newsletterSubscribers.id, a.id))
    expect(await counts()).toEqual({ confirmed: 1, pending: 1, unsubscribed: 1 })
    // One statement touching several rows and statuses at once.
    await deps().db.update(newsletterSubscribers).set({ status: 'bounced' })
    expect(await counts()).toEqual({ bounced: 3 })
    await deps().db.delete(newsletterSubscribers).where(eq(newsletterSubscribers.id, b.id))
    expect(await counts()).toEqual({ bounced: 2 })
    expect(await counts()).toEqual(await truth())
    await truncateAll(server.handle)
    const again = await adminClient()
    expect((await (await again.client.api()).admin.marketing.newsletters()).subscribers).toEqual({})
  })
})

describe('retention', () => {
  test('the monthly purge removes unsubscribed people and stale sign-ups, keeps subscribers and suppressed addresses', async () => {
    const stays = await confirmedSubscriber(uniqueEmail('blijft'))
    const leaves = await confirmedSubscriber(uniqueEmail('weg'))
    const bounced = await confirmedSubscriber(uniqueEmail('bounce'))
    await recordBounce(deps(), { email: bounced.email, kind: 'hard_bounce' })
    await (await visitor().api()).marketing.unsubscribe({ token: leaves.unsubscribeToken })
    const stale = uniqueEmail('nooit')
    await (await visitor().api()).marketing.subscribe({ email: stale })
    const fresh = uniqueEmail('vers')
    deps().clock.advance(40 * 24 * HOUR)
    try {
      await (await visitor().api()).marketing.subscribe({ email: fresh })
      const [run] = await applyRetention(deps(), { dryRun: false, rules: ['newsletter-unsubscribed'], job: 'test' })
      expect(run!.errors).toEqual([])
      expect(run!.rows.newsletter_subscribers).toBe(2)
      const left = (await deps().db.select({ email: newsletterSubscribers.email }).from(newsletterSubscribers)).map((r) => r.email).sort()
      expect(left).toEqual([stays.email, bounced.email, fresh].sort())
    } finally {
      deps().clock.set(new Date())
    }
  })
})
