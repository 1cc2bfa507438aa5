/**
 * A job runner in its own process for tests/integration/jobs-once.test.ts: the real runner
 * (`startJobRunner`, pg-boss) on DATABASE_URL with one job on a one-minute schedule, whose handler leaves
 * a row in cron_once.runs naming this process. SCHEDULE_CHECK_SECONDS and POLLING_SECONDS set how often
 * it checks the schedule and polls (the test's values). Prints `ready` once started; SIGTERM stops it.
 */
import pino from 'pino'
import { createDb, sql } from '@jouwbot/db'
import { startJobRunner } from '@jouwbot/jobs'

const url = process.env.DATABASE_URL
if (!url) throw new Error('DATABASE_URL is required')
const handle = await createDb(url, { max: 3 })
const logger = pino({ level: 'warn' })
const runner = await startJobRunner(
  handle,
  [
    {
      name: 'test.cron-once',
      cron: '* * * * *',
      handler: async () => {
        await handle.db.execute(sql`insert into cron_once.runs (runner) values (${`pid ${process.pid}`})`)
      },
    },
  ],
  logger,
  { scheduleCheckSeconds: Number(process.env.SCHEDULE_CHECK_SECONDS ?? 30), pollingSeconds: Number(process.env.POLLING_SECONDS ?? 2) },
)
process.stdout.write('ready\n')
process.once('SIGTERM', () => {
  void runner
    .stop()
    .then(() => handle.close())
    .then(() => process.exit(0), () => process.exit(1))
})

