import { cleanUpExpired, type AppDeps } from '@jouwbot/api'
import { deliverPendingMail, type MailTransport } from '@jouwbot/mail'
import type { JobDefinition } from '@jouwbot/jobs'
import type { Logger } from 'pino'

export const MAIL_QUEUE = 'mail.deliver'

/** Every background job of the app; later issues add retention, reminders and reconciliation here. */
export function jobDefinitions(deps: AppDeps, transport: MailTransport, from: string, logger: Logger): JobDefinition<never>[] {
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
  ]
}
