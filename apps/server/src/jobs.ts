import { cleanUpExpired, type AppDeps } from '@jouwbot/api'
import { deliverPendingMail, type MailTransport } from '@jouwbot/mail'
import type { JobDefinition } from '@jouwbot/jobs'
import { MEDIA_SWEEP_GRACE_MS, sweepOrphanedMedia } from '@jouwbot/api/maintenance/sweep-orphaned-media'
import type { Storage } from '@jouwbot/storage'
import type { Logger } from 'pino'

export const MAIL_QUEUE = 'mail.deliver'
export const MEDIA_SWEEP_QUEUE = 'maintenance.sweep-orphaned-media'

/**
 * Every background job of the app; later issues add retention, reminders and reconciliation here.
 * `storage` (the media storage) enables the daily sweep of orphaned lesson media.
 */
export function jobDefinitions(deps: AppDeps, transport: MailTransport, from: string, logger: Logger, storage?: Storage): JobDefinition<never>[] {
  return [
    {
      name: MAIL_QUEUE,
      cron: '* * * * *',
      retryLimit: 3,
      handler: async () => {
        const result = await deliverPendingMail({
          db: deps.db,
          transport,
          from,
          now: () => deps.clock.now(),
          log: (event, fields) => logger.warn(fields, event),
        })
        if (result.sent || result.failed) logger.info(result, 'mail delivery run')
      },
    },
    {
      name: 'maintenance.clean-up-expired',
      cron: '17 * * * *',
      handler: async () => {
        logger.info(await cleanUpExpired(deps), 'expired sessions and tokens removed')
      },
    },
    ...(storage ? [mediaSweepJob(deps, storage, logger)] : []),
  ]
}

/** Daily at 03:41 UTC: lesson media no lesson refers to, untouched for 24 h, are deleted. */
function mediaSweepJob(deps: AppDeps, storage: Storage, logger: Logger): JobDefinition<never> {
  return {
    name: MEDIA_SWEEP_QUEUE,
    cron: '41 3 * * *',
    retryLimit: 2,
    retryDelaySeconds: 300,
    handler: async () => {
      const result = await sweepOrphanedMedia(
        { db: deps.db, clock: deps.clock, storage },
        {
          graceMs: MEDIA_SWEEP_GRACE_MS,
          onDeleteError: (key, error) => logger.warn({ err: error, key }, 'could not delete an orphaned media object'),
        },
      )
      if (result.skippedNoLessons) logger.warn(result, 'media sweep: the database has no lessons, so nothing was deleted')
      else logger.info(result, `media sweep: ${result.deleted} orphaned objects (${result.deletedBytes} bytes) deleted`)
      // Retried (and, after the retries, left visible as failed in pgboss.job); what was deleted stays deleted.
      if (result.failed > 0) throw new Error(`media sweep: ${result.failed} orphaned objects could not be deleted`)
    },
  }
}
