import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb, rowsOf, sql, type DatabaseHandle } from '@jouwbot/db'
import { createTestDatabase } from '@jouwbot/db/testing'
import { startJobRunner, type JobRunner } from '@jouwbot/jobs'
import { budget } from '../helpers/budget.ts'

/**
 * Scheduled jobs run once per schedule, not once per runner. On PostgreSQL (TEST_DATABASE_URL) two job
 * runner processes share one database, as two servers behind a load balancer do. PGlite cannot be opened
 * by two processes (the server refuses a second one on the same folder, server-process.test.ts), so on
 * PGlite the same two runners share the database inside one process: the same pg-boss code path decides
 * who sends an occurrence, only without the process boundary. Either way the test runs; its name says which.
 *
 * The job runs every minute (pg-boss's slot is a minute, whatever the expression). The runners check the
 * schedule every second instead of pg-boss's default 30 s, so each of them finds an occurrence due in
 * every pass of the minute it stays due: far more chances to send it twice than in production, not
 * fewer. The test waits for two runs (the second comes with the next whole minute: up to a minute,
 * half a minute on average), then for a few more passes and an idle queue.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL)
const JOB = 'test.cron-once'
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))
const runnerScript = fileURLToPath(new URL('../helpers/cron-runner-process.ts', import.meta.url))
const root = fileURLToPath(new URL('../..', import.meta.url))
/** pg-boss's shortest schedule check and queue polling (its defaults: 30 s and our 2 s). */
const TIMING = { scheduleCheckSeconds: 1, pollingSeconds: 0.5 }

let handle: DatabaseHandle | undefined
const children = new Set<ChildProcess>()
const inProcess: JobRunner[] = []

// Clean-up registered before anything that can fail: processes killed, runners stopped, database dropped.
afterAll(async () => {
  await Promise.all(
    [...children].map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return undefined
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      return exited
    }),
  )
  for (const runner of inProcess.splice(0)) await runner.stop().catch(() => {})
  if (!handle) return
  await handle.db.execute(sql`drop schema if exists cron_once cascade`).catch(() => {})
  await handle.close().catch(() => {})
  if (handle.kind === 'postgres') {
    // createTestDatabase made a database of its own for this file: drop it.
    const url = new URL(handle.url)
    const name = url.pathname.slice(1)
    url.pathname = '/postgres'
    const admin = await createDb(url.toString(), { max: 1 })
    await admin.db.execute(sql.raw(`drop database if exists "${name}" with (force)`)).catch(() => {})
    await admin.close()
  }
}, budget(60_000))

beforeAll(async () => {
  handle = await createTestDatabase()
  await handle.db.execute(sql`create schema cron_once`)
  await handle.db.execute(sql`create table cron_once.runs (id serial primary key, runner text not null, ran_at timestamptz not null default clock_timestamp())`)
}, budget(120_000))

/** Starts a runner process on the test database and waits for it to say it is running. */
async function startRunnerProcess(url: string): Promise<ChildProcess> {
  const child = spawn(tsx, [runnerScript], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: url,
      SCHEDULE_CHECK_SECONDS: String(TIMING.scheduleCheckSeconds),
      POLLING_SECONDS: String(TIMING.pollingSeconds),
    },
  })
  children.add(child)
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk
      if (output.includes('ready')) resolve()
    })
    child.stderr!.on('data', (chunk) => (output += chunk))
    child.once('exit', (code) => reject(new Error(`runner exited (${code}) before it was ready:\n${output}`)))
  })
  return child
}

async function stopRunnerProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  child.kill('SIGTERM')
  return exited
}

const query = async <T>(statement: ReturnType<typeof sql>) => rowsOf<T>(await handle!.db.execute(statement))

describe(onPostgres ? 'two job runner processes on one PostgreSQL database' : 'two job runners on one PGlite database (one process: PGlite has no second)', () => {
  test('a job on a one-minute schedule runs exactly once per minute, not once per runner', async () => {
    const db = handle!
    let stopAll: () => Promise<void>
    if (db.kind === 'postgres') {
      const processes = [await startRunnerProcess(db.url), await startRunnerProcess(db.url)]
      stopAll = async () => {
        const codes = await Promise.all(processes.map(stopRunnerProcess))
        expect(codes, 'both runner processes stop cleanly').toEqual([0, 0])
      }
    } else {
      const logger = pino({ level: 'silent' })
      for (const name of ['runner A', 'runner B']) {
        const definition = {
          name: JOB,
          cron: '* * * * *',
          handler: async () => {
            await db.db.execute(sql`insert into cron_once.runs (runner) values (${name})`)
          },
        }
        inProcess.push(await startJobRunner(db, [definition], logger, TIMING))
      }
      stopAll = async () => {
        for (const runner of inProcess.splice(0)) await runner.stop()
      }
    }

    const until = Date.now() + budget(150_000)
    const waitFor = async (failure: () => string, done: () => Promise<boolean>) => {
      while (!(await done())) {
        if (Date.now() > until) throw new Error(`${failure()} within the budget`)
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }
    // Two runs: two schedule periods. The first period stopped being due (a minute after its
    // occurrence) before the second one was sent, so every pass of both runners has had its chance to
    // send the first one again.
    let runs = 0
    await waitFor(
      () => `only ${runs} scheduled run(s)`,
      async () => (runs = (await query<{ n: number }>(sql`select count(*)::int as n from cron_once.runs`))[0]!.n) >= 2,
    )
    // Then the second period's chance: passes for a few more seconds after its run (pg-boss stamps
    // pgboss.version.cron_on at each pass), and nothing left queued or running.
    await waitFor(
      () => 'no schedule check 3 s after the second run, or jobs still queued',
      async () =>
        (
          await query<{ ready: boolean }>(sql`
            select (select cron_on from pgboss.version) > (select max(ran_at) from cron_once.runs) + interval '3 seconds'
              and not exists (select 1 from pgboss.job where name in (${JOB}, '__pgboss__send-it') and state in ('created', 'retry', 'active'))
              as ready`)
        )[0]!.ready,
    )
    await stopAll()

    // pg-boss files each occurrence under its minute slot; one forwarded occurrence per slot...
    const slots = await query<{ slot: string; n: number }>(sql`
      select data->>'slot' as slot, count(*)::int as n from pgboss.job
      where name = '__pgboss__send-it' and data->>'name' = ${JOB} group by 1 order by 1`)
    expect(slots.length, 'at least two schedule periods').toBeGreaterThanOrEqual(2)
    expect(slots.filter((row) => row.n !== 1), 'one occurrence per period').toEqual([])
    // ...one job per period (the last period's may still be on its way when the runners stopped), each run
    // once: as many side effects as completed jobs, whichever runner ran them.
    const jobs = await query<{ state: string }>(sql`select state from pgboss.job where name = ${JOB}`)
    expect(jobs.length, 'no more jobs than periods').toBeLessThanOrEqual(slots.length)
    expect(jobs.length).toBeGreaterThanOrEqual(slots.length - 1)
    const ran = await query<{ runner: string }>(sql`select runner from cron_once.runs order by id`)
    expect(ran.length, 'one run per completed job').toBe(jobs.filter((job) => job.state === 'completed').length)
    expect(ran.length).toBeGreaterThanOrEqual(2)
  }, budget(240_000))
})
