import { reconcilePayments, type AppDeps } from '@jouwbot/api'
import type { JobDefinition } from '@jouwbot/jobs'
import type { Logger } from 'pino'

export const RECONCILE_QUEUE = 'checkout.reconcile-payments'

/** Every 5 minutes: payments still open or pending are asked of Mollie again (a lost webhook costs at most that). */
export function checkoutJobDefinitions(deps: AppDeps, logger: Logger): JobDefinition<never>[] {
  return [
    {
      name: RECONCILE_QUEUE,
      cron: '*/5 * * * *',
      handler: async () => {
        const result = await reconcilePayments(deps)
        if (result.checked || result.failed || result.refundsResumed) logger.info(result, 'payments reconciled')
        if (result.failed) logger.warn(result, 'some payments could not be reconciled; next run tries again')
      },
    },
  ]
}
