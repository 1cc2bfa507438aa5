/**
 * pnpm bench:newsletter — what the newsletter's exactly-once queueing costs. Not part of the test suite.
 *
 *   outbox  — the `marketing.send-newsletters` job's work for N subscribers: fix the recipients (one
 *             delivery row per newsletter and subscriber), then per batch render each mail (markdown →
 *             sanitised HTML, the layout, a personal unsubscribe link and List-* headers), queue it in
 *             the outbox under its dedupe key and mark its delivery row, in one transaction;
 *   insert  — the baseline: a plain INSERT of the same N outbox rows (the same bodies and headers),
 *             in batches of the same size, nothing else;
 *   smtp    — the first --deliver mails of the outbox delivered by `deliverPendingMail` to a local SMTP
 *             sink (nodemailer → smtp-server on 127.0.0.1), mails per second.
 *
 *   pnpm bench:newsletter [--subscribers 100000] [--batch 1000] [--deliver 2000]
 *
 * PGlite in memory by default; TEST_DATABASE_URL=postgres://… runs it on PostgreSQL (a fresh database).
 */
// First: TMPDIR for the test helpers' temp folders (tests/helpers/deps.ts makes one on import).
import './cleanup.ts'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { NEWSLETTER_TEMPLATE, newsletterHeaders, sendDueNewsletters } from '@jouwbot/api/marketing'
import { mailOutbox, newsletters, newsletterSubscribers, sql } from '@jouwbot/db'
import { createTestDatabase } from '@jouwbot/db/testing'
import { createSmtpTransport, deliverPendingMail, renderNewsletterMail } from '@jouwbot/mail'
import { makeDeps, TEST_SELLER } from '../tests/helpers/deps.ts'
import { startSmtpSink } from '../tests/helpers/smtp-sink.ts'

const { values: args } = parseArgs({
  options: {
    subscribers: { type: 'string', default: process.env.BENCH_SUBSCRIBERS ?? '100000' },
    batch: { type: 'string', default: '1000' },
    deliver: { type: 'string', default: '2000' },
  },
})
const N = Number(args.subscribers)
const BATCH = Number(args.batch)
const DELIVER = Number(args.deliver)

const handle = await createTestDatabase()
const deps = makeDeps(handle)
const db = handle.db
const body = `# Vijf tips voor je bot\n\nHoud je berichten **kort** en geef altijd een [weg terug](https://jouwbot.nl/cursus).\n\n- Eén doel\n- Drie knoppen\n- Een mens als het moet\n`

async function seedSubscribers() {
  // One statement, so seeding does not dominate the run.
  await db.execute(sql`
    insert into ${newsletterSubscribers} (email, source, status, consent_text_version, unsubscribe_token, confirmed_at)
    select 'abonnee' || i || '@example.nl', 'form', 'confirmed', 'newsletter-box-v1', md5(random()::text) || md5(i::text), now()
    from generate_series(1, ${N}) as i`)
}

async function timeIt(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await work()
  return (performance.now() - start) / 1000
}

console.log(`newsletter bench: ${N.toLocaleString('en')} subscribers, batches of ${BATCH}, ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite (memory)'}`)
await seedSubscribers()

// Baseline: the same rows, plain INSERTs.
const sample = renderNewsletterMail({
  locale: 'nl',
  subject: 'Vijf tips voor je bot',
  bodyHtml: '<h1>Vijf tips voor je bot</h1><p>Houd je berichten <strong>kort</strong>.</p>',
  bodyText: body,
  unsubscribeUrl: `${deps.appOrigin}/nieuwsbrief/afmelden?token=${'x'.repeat(64)}`,
  archiveUrl: `${deps.appOrigin}/nieuwsbrief/vijf-tips`,
  seller: TEST_SELLER,
})
const insertSeconds = await timeIt(async () => {
  for (let from = 0; from < N; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, N - from) }, (_, k) => ({
      to: `abonnee${from + k + 1}@example.nl`,
      template: NEWSLETTER_TEMPLATE,
      ...sample,
      fromAddress: 'Jouw Bot nieuwsbrief <nieuwsbrief@jouwbot.nl>',
      headers: newsletterHeaders(deps.appOrigin, 'afmelden@jouwbot.nl', 'x'.repeat(43)),
      dedupeKey: `baseline:${from + k}`,
    }))
    await db.insert(mailOutbox).values(rows)
  }
})
await db.execute(sql`truncate ${mailOutbox}`)

// The job's way.
const now = deps.clock.now()
await db.insert(newsletters).values({ slug: 'vijf-tips', subject: 'Vijf tips voor je bot', bodyMarkdown: body, status: 'scheduled', scheduledAt: now })
let queued = 0
const outboxSeconds = await timeIt(async () => {
  const result = await sendDueNewsletters(deps, { limit: N, batchSize: BATCH })
  queued = result.queued
})
if (queued !== N) throw new Error(`queued ${queued} of ${N}`)
const rows = await db.$count(mailOutbox)
if (rows !== N) throw new Error(`outbox holds ${rows} rows, expected ${N}`)

// Delivery of the first mails to a local SMTP sink.
const sink = await startSmtpSink()
// A pooled connection, as a production SMTP_URL can ask for (`?pool=true`): one connection, many mails.
const transport = createSmtpTransport(`${sink.url}?pool=true`)
let delivered = 0
const smtpSeconds = await timeIt(async () => {
  while (delivered < DELIVER) {
    const batch = await deliverPendingMail({ db, transport, from: 'noreply@jouwbot.nl', now: () => new Date() }, Math.min(100, DELIVER - delivered))
    if (batch.sent === 0) break
    delivered += batch.sent
  }
})
transport.close()
await sink.close()

const perSecond = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString('en').padStart(9)
console.log('')
console.log('                         seconds   rows/s')
console.log(`plain insert (baseline) ${insertSeconds.toFixed(2).padStart(8)} ${perSecond(N, insertSeconds)}`)
console.log(`outbox, exactly once    ${outboxSeconds.toFixed(2).padStart(8)} ${perSecond(N, outboxSeconds)}`)
console.log(`ratio outbox / insert   ${(outboxSeconds / insertSeconds).toFixed(2).padStart(8)}×`)
console.log(`SMTP delivery (${delivered} to a local sink) ${smtpSeconds.toFixed(2)} s, ${perSecond(delivered, smtpSeconds).trim()} mails/s`)
await handle.close()
