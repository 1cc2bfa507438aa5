import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { applyRetention } from '@jouwbot/api/privacy'
import { consentRecords, eq, invoicePdfs, invoices, isNull, mailOutbox, orders, payments, privacyRetentionRuns, rateLimits, rowsOf, sql, users } from '@jouwbot/db'
import { truncateAll } from '@jouwbot/db/testing'
import { createMember, makeStaff, PASSWORD, uniqueEmail } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { expectRefusal, rejectionOf } from '../helpers/flows.ts'
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
  await seedShopFixture(server.deps)
})

const deps = () => server.deps
const realNow = () => new Date()
const monthsAgo = (months: number) => {
  const date = realNow()
  date.setUTCMonth(date.getUTCMonth() - months)
  return date
}
const emails = async () => (await deps().db.select({ email: users.email }).from(users)).map((u) => u.email).sort()

async function signUpOnly(email: string) {
  await (await new TestClient(deps(), `198.51.100.${Math.floor(Math.random() * 200)}`).api()).auth.signUp({ email, password: PASSWORD, firstName: 'Bezoeker', lastName: 'Test' })
}

describe('retention rules with a moved clock', () => {
  test('visitor data goes after 12 months: unverified accounts, rate-limit keys, sent mail, visitors’ cookie choices', async () => {
    deps().clock.set(monthsAgo(13))
    const oldUnverified = uniqueEmail('oud')
    await signUpOnly(oldUnverified)
    const oldMember = await createMember(deps())
    const oldBrowser = randomUUID()
    await (await new TestClient(deps()).api()).privacy.setConsent({ browserId: oldBrowser, choices: { statistics: true }, channel: 'banner' })
    await (await oldMember.client.api()).privacy.setConsent({ choices: { statistics: false }, channel: 'account' })
    await deps().db.update(mailOutbox).set({ status: 'sent', sentAt: deps().clock.now() })
    const oldMailIds = (await deps().db.select({ id: mailOutbox.id }).from(mailOutbox)).map((m) => m.id)
    const oldRateLimits = await deps().db.$count(rateLimits)
    expect(oldRateLimits).toBeGreaterThan(0)

    deps().clock.set(monthsAgo(11))
    const recentUnverified = uniqueEmail('recent')
    await signUpOnly(recentUnverified)
    const recentBrowser = randomUUID()
    await (await new TestClient(deps()).api()).privacy.setConsent({ browserId: recentBrowser, choices: { statistics: false }, channel: 'banner' })
    await deps().db.update(mailOutbox).set({ status: 'sent' }).where(isNull(mailOutbox.sentAt))
    const recentRateLimits = (await deps().db.$count(rateLimits)) - oldRateLimits

    deps().clock.set(realNow())
    const rules = ['unverified-accounts', 'visitor-rate-limits', 'sent-mail', 'visitor-consent'] as const
    // A dry run reports exactly what would go and deletes nothing.
    const dry = await applyRetention(deps(), { rules, dryRun: true, job: 'test' })
    expect(Object.fromEntries(dry.map((r) => [r.rule, r.rows]))).toEqual({
      'unverified-accounts': { users: 1 },
      'visitor-rate-limits': { rate_limits: oldRateLimits },
      'sent-mail': { mail_outbox: oldMailIds.length },
      'visitor-consent': { consent_records: 1 },
    })
    expect(await emails()).toEqual([oldUnverified, oldMember.email, recentUnverified].sort())

    const real = await applyRetention(deps(), { rules, dryRun: false, job: 'test' })
    expect(real.map((r) => r.rows)).toEqual(dry.map((r) => r.rows))
    expect(await emails()).toEqual([oldMember.email, recentUnverified].sort())
    expect(await deps().db.$count(rateLimits)).toBe(recentRateLimits)
    expect((await deps().db.select({ id: mailOutbox.id }).from(mailOutbox)).filter((m) => oldMailIds.includes(m.id))).toEqual([])
    expect(await deps().db.$count(mailOutbox)).toBeGreaterThan(0)
    const consents = await deps().db.select().from(consentRecords)
    // The recent visitor's and the member's choices stay; the old visitor's went.
    expect(consents.map((c) => c.browserId ?? 'member').sort()).toEqual(['member', recentBrowser].sort())

    // A second run finds nothing more.
    const again = await applyRetention(deps(), { rules, dryRun: false, job: 'test' })
    expect(again.map((r) => Object.values(r.rows).reduce((a, b) => a + b, 0))).toEqual([0, 0, 0, 0])

    // Every run is in the log, with the dry runs marked.
    const log = await deps().db.select().from(privacyRetentionRuns)
    expect(log).toHaveLength(12)
    expect(log.filter((r) => r.dryRun)).toHaveLength(4)
    expect(log.every((r) => r.finishedAt !== null && r.errors.length === 0)).toBe(true)
    expect(log.find((r) => !r.dryRun && r.rule === 'unverified-accounts' && r.rows.users === 1)).toBeDefined()
  })

  test('unpaid orders without invoice go after 12 months; invoices with their PDF and order after retain_until', async () => {
    // Eight years ago: a paid order (its invoice is kept until 31 December of last year) and an abandoned one.
    // Mid-June of the year eight calendar years back (years as the invoice counts them, in Amsterdam): eight
    // times 365 days back lands two leap days later in the year, in the next year from 30 December on.
    const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(realNow()))
    deps().clock.set(new Date(Date.UTC(thisYear - 8, 5, 15, 10)))
    const early = await createMember(deps())
    const earlyPaid = await startBuying(early.client, 'coachingsessie')
    await server.payments!.emulator.setPaymentStatus(earlyPaid.paymentId, 'paid')
    const earlyAbandoned = await startBuying(early.client, 'coachingsessie')
    const [earlyInvoice] = await deps().db.select().from(invoices).where(eq(invoices.orderId, earlyPaid.orderId))
    expect(earlyInvoice!.retainUntil).toBe(`${thisYear - 1}-12-31`)

    // Thirteen months ago: paid (kept: invoice not expired) and abandoned (goes).
    deps().clock.set(monthsAgo(13))
    const later = await createMember(deps())
    const laterPaid = await startBuying(later.client, 'coachingsessie')
    await server.payments!.emulator.setPaymentStatus(laterPaid.paymentId, 'paid')
    const laterAbandoned = await startBuying(later.client, 'coachingsessie')
    // A month ago: abandoned, but recent (kept).
    deps().clock.set(monthsAgo(1))
    const recent = await createMember(deps())
    const recentAbandoned = await startBuying(recent.client, 'coachingsessie')

    deps().clock.set(realNow())
    const results = await applyRetention(deps(), { rules: ['abandoned-orders', 'expired-invoices'], dryRun: false, job: 'test' })
    expect(results.map((r) => [r.rule, r.rows, r.errors])).toEqual([
      ['abandoned-orders', { orders: 2, order_lines: 2, coupon_redemptions: 0, payments: 2 }, []],
      ['expired-invoices', { invoices: 1, invoice_pdfs: 1, orders: 1, order_lines: 1, coupon_redemptions: 0, payments: 1 }, []],
    ])
    const left = (await deps().db.select({ id: orders.id }).from(orders)).map((o) => o.id).sort()
    expect(left).toEqual([laterPaid.orderId, recentAbandoned.orderId].sort())
    expect(left).not.toContain(earlyAbandoned.orderId)
    expect(left).not.toContain(laterAbandoned.orderId)
    expect(await deps().db.select().from(invoices)).toEqual([expect.objectContaining({ orderId: laterPaid.orderId })])
    expect(await deps().db.$count(invoicePdfs)).toBe(1)
    expect(await deps().db.select({ id: payments.id }).from(payments).where(eq(payments.orderId, earlyPaid.orderId))).toEqual([])
  })

  test('an invoice may be deleted once its retain_until has passed in Amsterdam, whatever the database session’s time zone', async () => {
    const buyer = await createMember(deps())
    const { orderId } = await startBuying(buyer.client, 'coachingsessie')
    const invoice = (number: string, retainUntil: string) => ({
      kind: 'invoice' as const,
      number,
      year: 2000,
      sequence: Number(number.slice(-1)),
      orderId,
      issueDate: '2000-01-01',
      supplyDate: '2000-01-01',
      totalExclCents: 0,
      totalVatCents: 0,
      totalCents: 0,
      document: {},
      retainUntil,
      createdAt: realNow(),
    })
    class Undo extends Error {}
    let checked = 0
    // A session a day behind Amsterdam (UTC−12, in the Amsterdam morning) or ahead of it (UTC+14, in the
    // afternoon): the trigger reads the transaction's now(), so every date is taken from that one moment.
    for (const zone of ['Etc/GMT+12', 'Etc/GMT-14']) {
      await deps().db.transaction(async (tx) => {
        const [day] = rowsOf<{ amsterdam: string; amsterdamYesterday: string; session: string }>(
          await tx.execute(sql`select (now() at time zone 'Europe/Amsterdam')::date::text as amsterdam,
            ((now() at time zone 'Europe/Amsterdam')::date - 1)::text as "amsterdamYesterday",
            (now() at time zone ${zone})::date::text as session`),
        )
        if (day!.session === day!.amsterdam) return
        checked += 1
        await tx.execute(sql.raw(`set local time zone '${zone}'`))
        // Kept until yesterday in Amsterdam: it may go, even where the session's date is still yesterday.
        const [past] = await tx.insert(invoices).values(invoice('2000-000001', day!.amsterdamYesterday)).returning()
        expect(await tx.delete(invoices).where(eq(invoices.id, past!.id)).returning({ id: invoices.id })).toHaveLength(1)
        // Kept until today in Amsterdam: it stays, even where the session's date is already tomorrow.
        const [current] = await tx.insert(invoices).values(invoice('2000-000002', day!.amsterdam)).returning()
        const refused = await rejectionOf(tx.transaction((inner) => inner.delete(invoices).where(eq(invoices.id, current!.id))))
        expect(String(refused.cause)).toContain('must be kept until')
        throw new Undo()
      }).catch((error: unknown) => {
        if (!(error instanceof Undo)) throw error
      })
    }
    expect(checked).toBeGreaterThan(0)
  })

  test('the run log and runs are for admins; deleting for real needs sudo mode', async () => {
    const admin = await createMember(deps())
    await makeStaff(deps(), admin)
    const member = await createMember(deps())
    await expectRefusal((await member.client.api()).admin.privacy.retentionRuns({}), 'FORBIDDEN', 'error.forbidden')
    await expectRefusal((await member.client.api()).admin.privacy.runRetention({ dryRun: true }), 'FORBIDDEN', 'error.forbidden')

    const api = await admin.client.api()
    const dry = await api.admin.privacy.runRetention({ dryRun: true })
    expect(dry.map((r) => r.rule)).toEqual(expect.arrayContaining(['expired-invoices', 'newsletter-unsubscribed']))
    const page = await api.admin.privacy.retentionRuns({})
    expect(page.runs).toHaveLength(dry.length)
    expect(page.runs.every((r) => r.dryRun && r.job === 'admin')).toBe(true)
    expect(page.rules.find((r) => r.id === 'newsletter-unsubscribed')).toMatchObject({ schedule: 'monthly' })

    deps().clock.set(new Date(deps().clock.now().getTime() + 11 * 60_000))
    await expectRefusal((await admin.client.api()).admin.privacy.runRetentionForReal({ dryRun: false }), 'FORBIDDEN', 'auth.reauthenticationRequired')
    deps().clock.set(realNow())
  })
})
