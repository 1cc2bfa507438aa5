import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { eq, mailOutbox } from '@jouwbot/db'
import { createDevMailboxTransport, createSmtpTransport, deliverPendingMail, enqueueMail, MAX_MAIL_ATTEMPTS } from '@jouwbot/mail'
import { makeDeps, TEST_SELLER } from '../helpers/deps.ts'
import { startSmtpSink } from '../helpers/smtp-sink.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()
let smtp: Awaited<ReturnType<typeof startSmtpSink>>

beforeAll(async () => {
  smtp = await startSmtpSink()
})
afterAll(async () => {
  await smtp.close()
})

const verifyMail = (to: string) =>
  ({ to, template: 'verifyEmail', locale: 'nl', params: { firstName: 'Sanne', url: 'http://localhost:3000/verify-email?token=abc' }, seller: TEST_SELLER }) as const

describe('mail outbox', () => {
  test('a mail enqueued in a rolled-back transaction is never sent', async () => {
    const deps = makeDeps(db())
    await expect(
      deps.db.transaction(async (tx) => {
        await enqueueMail(tx, verifyMail('weg@example.nl'), deps.clock.now())
        throw new Error('rollback')
      }),
    ).rejects.toThrow('rollback')
    expect(await deps.db.select().from(mailOutbox)).toEqual([])
  })

  test('the same dedupe key is enqueued only once', async () => {
    const deps = makeDeps(db())
    await enqueueMail(deps.db, { ...verifyMail('een@example.nl'), dedupeKey: 'welcome:1' }, deps.clock.now())
    await enqueueMail(deps.db, { ...verifyMail('een@example.nl'), dedupeKey: 'welcome:1' }, deps.clock.now())
    expect(await deps.db.select().from(mailOutbox)).toHaveLength(1)
  })

  test('SMTP delivery sends the Dutch mail, marks it sent and purges the body with its link', async () => {
    const deps = makeDeps(db())
    const transport = createSmtpTransport(smtp.url)
    const before = smtp.received.length
    await enqueueMail(deps.db, verifyMail('sanne@example.nl'), deps.clock.now())
    const result = await deliverPendingMail({ db: deps.db, transport, from: 'Jouw Bot <noreply@jouwbot.nl>', now: () => deps.clock.now() })
    expect(result).toEqual({ sent: 1, failed: 0 })
    const mail = smtp.received[before]!
    expect(mail.to).toEqual(['sanne@example.nl'])
    expect(mail.raw).toContain('Subject: Bevestig je e-mailadres voor Jouw Bot')
    const [row] = await deps.db.select().from(mailOutbox)
    expect(row).toMatchObject({ status: 'sent', text: '', html: '', attempts: 1 })
    // Nothing is sent twice.
    expect(await deliverPendingMail({ db: deps.db, transport, from: 'x@jouwbot.nl', now: () => deps.clock.now() })).toEqual({ sent: 0, failed: 0 })
    transport.close()
  })

  test('a refused mail is retried with growing delays and marked failed after the last attempt', async () => {
    const deps = makeDeps(db())
    const transport = createSmtpTransport(smtp.url)
    await enqueueMail(deps.db, verifyMail('later@example.nl'), deps.clock.now())
    const run = () => deliverPendingMail({ db: deps.db, transport, from: 'x@jouwbot.nl', now: () => deps.clock.now() })

    smtp.failNext(MAX_MAIL_ATTEMPTS)
    const delays: number[] = []
    for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt++) {
      expect(await run()).toEqual({ sent: 0, failed: 1 })
      const [row] = await deps.db.select().from(mailOutbox)
      delays.push(row!.nextAttemptAt.getTime() - deps.clock.now().getTime())
      expect(row!.lastError).toMatch(/451/)
      // Not due yet: a run now does nothing.
      if (attempt < MAX_MAIL_ATTEMPTS) expect(await run()).toEqual({ sent: 0, failed: 0 })
      deps.clock.advance(3 * 60 * 60_000)
    }
    expect(delays.slice(0, 4)).toEqual([60_000, 120_000, 240_000, 480_000])
    const [row] = await deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'later@example.nl'))
    expect(row!.status).toBe('failed')
    expect(await run()).toEqual({ sent: 0, failed: 0 })
    transport.close()
  })

  test('with the dev mailbox the mail stays readable after delivery', async () => {
    const deps = makeDeps(db())
    await enqueueMail(deps.db, verifyMail('dev@example.nl'), deps.clock.now())
    await deliverPendingMail({ db: deps.db, transport: createDevMailboxTransport(), from: 'x@jouwbot.nl', now: () => deps.clock.now() })
    const [row] = await deps.db.select().from(mailOutbox)
    expect(row!.status).toBe('sent')
    expect(row!.text).toContain('/verify-email?token=abc')
  })

  test('two workers delivering at once send every mail exactly once', async () => {
    const deps = makeDeps(db())
    const transport = createSmtpTransport(smtp.url)
    const before = smtp.received.length
    for (let i = 0; i < 6; i++) await enqueueMail(deps.db, verifyMail(`batch${i}@example.nl`), deps.clock.now())
    const run = () => deliverPendingMail({ db: deps.db, transport, from: 'x@jouwbot.nl', now: () => deps.clock.now() }, 4)
    const results = await Promise.all([run(), run(), run()])
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(6)
    const recipients = smtp.received.slice(before).flatMap((m) => m.to).sort()
    expect(recipients).toEqual(Array.from({ length: 6 }, (_, i) => `batch${i}@example.nl`))
    transport.close()
  })
})
