import { describe, expect, test } from 'vitest'
import pino from 'pino'
import { mailOutbox, rowsOf, sql } from '@jouwbot/db'
import { startJobRunner } from '@jouwbot/jobs'
import { createSmtpTransport, enqueueMail } from '@jouwbot/mail'
import { jobDefinitions, QUEUES } from '@jouwbot/server/jobs'
import { makeDeps } from '../helpers/deps.ts'
import { startSmtpSink } from '../helpers/smtp-sink.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 200))
  }
}

describe('background jobs on pg-boss', () => {
  test('the mail worker delivers the outbox when woken, on this database driver', async () => {
    const handle = db()
    const deps = makeDeps(handle)
    const smtp = await startSmtpSink()
    const transport = createSmtpTransport(smtp.url)
    const logger = pino({ level: 'silent' })
    const runner = await startJobRunner(handle, jobDefinitions({ deps, transport, mailFrom: 'Jouw Bot <noreply@jouwbot.nl>', logger }), logger)
    try {
      await enqueueMail(deps.db, { to: 'job@example.nl', template: 'passwordChanged', locale: 'en', params: { firstName: 'Sam' }, seller: deps.seller }, deps.clock.now())
      await runner.send(QUEUES.mailDeliver)
      const mail = await waitFor(async () => smtp.received.find((m) => m.to.includes('job@example.nl')))
      expect(mail.raw).toContain('Subject: Your password was changed')
      const [row] = await waitFor(async () => {
        const rows = await deps.db.select().from(mailOutbox)
        return rows[0]?.status === 'sent' ? rows : undefined
      })
      expect(row!.sentAt).toBeInstanceOf(Date)
    } finally {
      await runner.stop()
      transport.close()
      await smtp.close()
    }
  }, 60_000)

  test("stopping the runner aborts a running job's signal: the handler ends at once and the job is left to run again", async () => {
    const handle = db()
    const logger = pino({ level: 'silent' })
    let started!: () => void
    const running = new Promise<void>((resolve) => (started = resolve))
    let abortedWith: unknown
    const runner = await startJobRunner(
      handle,
      [
        {
          name: 'test.long-render',
          // Like ffmpeg: runs until it is stopped.
          handler: (_data, signal) =>
            new Promise<void>((_resolve, reject) => {
              signal.addEventListener('abort', () => reject((abortedWith = signal.reason)), { once: true })
              started()
            }),
        },
      ],
      logger,
      { pollingSeconds: 0.5 },
    )
    let stopped = false
    try {
      await runner.send('test.long-render')
      await running
      await runner.stop()
      stopped = true
      // The runner's own reason, not pg-boss's after its grace period (which fails the job as "shut down while active").
      expect((abortedWith as Error).message).toBe('the job runner is stopping')
      const [job] = rowsOf<{ state: string; output: { message?: string } }>(
        await handle.db.execute(sql`select state, output from pgboss.job where name = 'test.long-render'`),
      )
      expect(job).toEqual({ state: 'retry', output: expect.objectContaining({ message: 'the job runner is stopping' }) })
    } finally {
      if (!stopped) await runner.stop()
    }
  }, 60_000)

  test('a job that keeps failing is retried and then stays visible as failed', async () => {
    const handle = db()
    const logger = pino({ level: 'silent' })
    let attempts = 0
    const runner = await startJobRunner(
      handle,
      [
        {
          name: 'test.always-fails',
          retryLimit: 2,
          retryDelaySeconds: 1,
          handler: async () => {
            attempts += 1
            throw new Error('SMTP is down')
          },
        },
      ],
      logger,
    )
    try {
      await runner.send('test.always-fails', { reason: 'test' })
      const job = await waitFor(async () => {
        const rows = rowsOf<{ state: string; retry_count: number; output: { message?: string } }>(
          await handle.db.execute(sql`select state, retry_count, output from pgboss.job where name = 'test.always-fails'`),
        )
        return rows[0]?.state === 'failed' ? rows[0] : undefined
      }, 40_000)
      expect(attempts).toBe(3)
      expect(job.retry_count).toBe(2)
      expect(job.output.message).toBe('SMTP is down')
    } finally {
      await runner.stop()
    }
  }, 60_000)
})

