import { PgBoss, fromPglite, type Job } from 'pg-boss'
import type { DatabaseHandle } from '@jouwbot/db'

export interface JobDefinition<T extends object = object> {
  name: string
  /**
   * `signal` is aborted when the runner stops (and when pg-boss gives up on the job): a long handler
   * (ffmpeg, a render) stops on it and rejects, and the job is retried later. A handler that ignores
   * it may run on for the stop's grace period.
   */
  handler: (data: T, signal: AbortSignal) => Promise<void>
  /** Cron expression (UTC) when the job also runs on a schedule. */
  cron?: string
  retryLimit?: number
  retryDelaySeconds?: number
}

export interface JobRunner {
  /** Queues a job now (e.g. wake the mail worker after a commit). */
  send(name: string, data?: object): Promise<void>
  stop(): Promise<void>
}

/**
 * How often the runner looks for work. The defaults suit production; tests that wait on a schedule
 * shorten them. A schedule's resolution stays pg-boss's minute slot whatever these are.
 */
export interface JobRunnerTiming {
  /** Seconds between two checks of the schedules (pg-boss's cron pass and its forwarding worker): 30 by default, 1–45. */
  scheduleCheckSeconds?: number
  /** Seconds between two polls of each queue by its worker: 2 by default, at least 0.5. */
  pollingSeconds?: number
}

export interface JobLogger {
  info(fields: object, message: string): void
  error(fields: object, message: string): void
}

/**
 * Background jobs on pg-boss, in the application's own database. On PostgreSQL pg-boss keeps
 * its own small pool; on PGlite (one connection) it goes through pg-boss's PGlite adapter, which
 * runs multi-statement blocks with `exec` and keeps the rows of every statement.
 * Failed jobs are retried with exponential backoff and stay visible in `pgboss.job` as `failed`.
 */
export async function startJobRunner(
  handle: DatabaseHandle,
  definitions: JobDefinition<never>[],
  logger: JobLogger,
  timing: JobRunnerTiming = {},
): Promise<JobRunner> {
  const scheduling =
    timing.scheduleCheckSeconds === undefined
      ? {}
      : { cronMonitorIntervalSeconds: timing.scheduleCheckSeconds, cronWorkerIntervalSeconds: timing.scheduleCheckSeconds }
  const boss =
    handle.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(handle.pglite), backend: 'pglite', ...scheduling })
      : new PgBoss({ connectionString: handle.url, max: 3, ...scheduling })
  boss.on('error', (error) => logger.error({ err: error }, 'job runner error'))
  await boss.start()
  const stopping = new AbortController()

  for (const definition of definitions) {
    await boss.createQueue(definition.name, {
      retryLimit: definition.retryLimit ?? 5,
      retryDelay: definition.retryDelaySeconds ?? 30,
      retryBackoff: true,
    })
    await boss.work(definition.name, { pollingIntervalSeconds: timing.pollingSeconds ?? 2 }, async (jobs: Job<object>[]) => {
      for (const job of jobs) {
        try {
          await definition.handler(job.data as never, AbortSignal.any([job.signal, stopping.signal]))
        } catch (error) {
          if (stopping.signal.aborted) logger.info({ job: definition.name, jobId: job.id }, 'job stopped with the runner; it runs again later')
          else logger.error({ err: error, job: definition.name, jobId: job.id }, 'job failed')
          throw error
        }
      }
    })
    if (definition.cron) await boss.schedule(definition.name, definition.cron)
  }

  return {
    async send(name, data = {}) {
      await boss.send(name, data)
    },
    async stop() {
      // Handlers that honour the signal end now; the others get up to 10 s to finish.
      stopping.abort(new Error('the job runner is stopping'))
      await boss.stop({ graceful: true, timeout: 10_000 })
    },
  }
}
