import type { AppDeps } from '@jouwbot/api'
import { cleanUpExpired } from '@jouwbot/api/auth'
import { reconcilePayments } from '@jouwbot/api/checkout'
import { expireCredits, sendReminders } from '@jouwbot/api/coaching'
import { sendDueNewsletters } from '@jouwbot/api/marketing'
import { syncChatContacts } from '@jouwbot/api/marketing/chat'
import { MEDIA_SWEEP_GRACE_MS, renderDemoLessonVideos, renderLessonHls, sweepOrphanedMedia, type DemoVideoTools } from '@jouwbot/api/courses'
import { premiumCursus } from '@jouwbot/course-content'
import { rollUpStats } from '@jouwbot/api/marketing-stats'
import { applyRetention, buildPendingDataExports, eraseDueAccounts, expireDataExports, retentionRulesFor, runKeyRotation } from '@jouwbot/api/privacy'
import type { JobDefinition } from '@jouwbot/jobs'
import { deliverPendingMail, type MailTransport } from '@jouwbot/mail'
import type { Logger } from 'pino'

/** Every background job of the app, in one list: queue name → schedule → the domain service it runs. */
export const QUEUES = {
  mailDeliver: 'mail.deliver',
  cleanUpExpired: 'maintenance.clean-up-expired',
  sweepOrphanedMedia: 'maintenance.sweep-orphaned-media',
  lessonHls: 'media.hls',
  demoVideos: 'courses.demo-videos',
  reconcilePayments: 'checkout.reconcile-payments',
  // privacy-rights
  privacyBuildExports: 'privacy.build-exports',
  privacyEraseAccounts: 'privacy.erase-accounts',
  privacyRetentionDaily: 'privacy.retention-daily',
  privacyRetentionMonthly: 'privacy.retention-monthly',
  coachingReminders: 'coaching.send-reminders',
  coachingExpireCredits: 'coaching.expire-credits',
  // marketing (statistics)
  statsRollUp: 'marketing.stats-roll-up',
  marketingSendNewsletters: 'marketing.send-newsletters',
  // marketing (Messenger chat)
  marketingChatSync: 'marketing.chat-sync',
  // privacy (field-encryption key rotation)
  privacyRotateKeys: 'privacy.rotate-keys',
} as const

export interface JobsContext {
  deps: AppDeps
  transport: MailTransport
  mailFrom: string
  logger: Logger
  /**
   * The demo course's lesson videos (demo-content.ts): off unless given, always off in production;
   * `wake` queues the next run when one run's time is up.
   */
  demoVideos?: { enabled: boolean; wake: () => void }
}

export function jobDefinitions(context: JobsContext): JobDefinition<never>[] {
  return [
    mailDeliverJob(context),
    cleanUpExpiredJob(context),
    sweepOrphanedMediaJob(context),
    lessonHlsJob(context),
    demoVideosJob(context, context.demoVideos ?? { enabled: false, wake: () => {} }),
    reconcilePaymentsJob(context),
    privacyBuildExportsJob(context),
    privacyEraseAccountsJob(context),
    privacyRetentionJob(context, 'daily'),
    privacyRetentionJob(context, 'monthly'),
    ...coachingJobs(context),
    statsRollUpJob(context),
    marketingSendNewslettersJob(context),
    marketingChatSyncJob(context),
    privacyRotateKeysJob(context),
  ]
}

const MAIL_BATCH = 20

/** Every minute, and woken after each commit that queues mail (`deps.onMailQueued`). */
function mailDeliverJob({ deps, transport, mailFrom, logger }: JobsContext): JobDefinition<never> {
  return {
    name: QUEUES.mailDeliver,
    cron: '* * * * *',
    retryLimit: 3,
    handler: async () => {
      // Batches until the due mails are done (a newsletter queues hundreds a minute), for 45 s at most.
      const until = Date.now() + 45_000
      const result = { sent: 0, failed: 0 }
      for (;;) {
        const batch = await deliverPendingMail({
          db: deps.db,
          transport,
          from: mailFrom,
          now: () => deps.clock.now(),
          log: (event, fields) => logger.warn(fields, event),
        }, MAIL_BATCH)
        result.sent += batch.sent
        result.failed += batch.failed
        if (batch.sent + batch.failed < MAIL_BATCH || Date.now() > until) break
      }
      if (result.sent || result.failed) logger.info(result, 'mail delivery run')
    },
  }
}

/** Hourly: expired sessions, tokens and rate-limit windows. */
function cleanUpExpiredJob({ deps, logger }: JobsContext): JobDefinition<never> {
  return {
    name: QUEUES.cleanUpExpired,
    cron: '17 * * * *',
    handler: async () => {
      logger.info(await cleanUpExpired(deps), 'expired sessions and tokens removed')
    },
  }
}

/** Daily at 03:41 UTC: lesson media no lesson refers to, untouched for 24 h, are deleted. */
function sweepOrphanedMediaJob({ deps, logger }: JobsContext): JobDefinition<never> {
  return {
    name: QUEUES.sweepOrphanedMedia,
    cron: '41 3 * * *',
    retryLimit: 2,
    retryDelaySeconds: 300,
    handler: async () => {
      const result = await sweepOrphanedMedia(deps, {
        graceMs: MEDIA_SWEEP_GRACE_MS,
        onDeleteError: (key, error) => logger.warn({ err: error, key }, 'could not delete an orphaned media object'),
      })
      if (result.skippedNoLessons) logger.warn(result, 'media sweep: the database has no lessons, so nothing was deleted')
      else logger.info(result, `media sweep: ${result.deleted} orphaned objects (${result.deletedBytes} bytes) deleted`)
      // Retried (and, after the retries, left visible as failed in pgboss.job); what was deleted stays deleted.
      if (result.failed > 0) throw new Error(`media sweep: ${result.failed} orphaned objects could not be deleted`)
    },
  }
}

/**
 * Queued by the upload route after a new lesson video (`jobs.send(QUEUES.lessonHls, { lessonId })`).
 * `options` lets tests pick the ffmpeg and play an admin replacing the video mid-run.
 */
export function lessonHlsJob(
  { deps, logger }: Pick<JobsContext, 'deps' | 'logger'>,
  options: Omit<Parameters<typeof renderLessonHls>[1], 'lessonId'> = {},
): JobDefinition<{ lessonId: string }> {
  return {
    name: QUEUES.lessonHls,
    retryLimit: 2,
    retryDelaySeconds: 60,
    handler: async ({ lessonId }, signal) => {
      const result = await renderLessonHls(deps, { ...options, lessonId, signal })
      if (result === 'noFfmpeg') logger.info({ lessonId }, 'no ffmpeg: the lesson keeps its MP4 only')
    },
  }
}

/**
 * The demo course's lesson videos, each rendered from its own text (renderDemoLessonVideos: slides,
 * espeak-ng narration, ffmpeg). Queued at start (boot.ts, when ffmpeg and espeak-ng are on PATH) and
 * hourly at :29, so a lesson text edited since gets its video again; a run with nothing to do costs one
 * select. One run renders for `budgetMs` (4 minutes) and then wakes the next one, well inside pg-boss's
 * 15-minute expiry. Does nothing when not enabled — and it never is in production (boot.ts).
 */
export function demoVideosJob(
  { deps, logger }: Pick<JobsContext, 'deps' | 'logger'>,
  options: { enabled: boolean; wake: () => void; tools?: DemoVideoTools | { missing: string[] } | null; budgetMs?: number },
): JobDefinition<never> {
  return {
    name: QUEUES.demoVideos,
    cron: '29 * * * *',
    retryLimit: 2,
    retryDelaySeconds: 120,
    handler: async (_data, signal) => {
      if (!options.enabled) return
      const result = await renderDemoLessonVideos(deps, {
        courseSlug: premiumCursus.slug,
        tools: options.tools,
        signal,
        deadline: Date.now() + (options.budgetMs ?? 4 * 60_000),
        onLesson: (event) => logger.info(event, 'demo lesson video'),
      })
      if (result.status === 'more') options.wake()
      if (result.status === 'done' || result.status === 'more') {
        if (result.rendered || result.attached) logger.info(result, 'demo lesson videos rendered')
      }
    },
  }
}

/** Every 5 minutes: payments still open or pending are asked of Mollie again (a lost webhook costs at most that). */
function reconcilePaymentsJob({ deps, logger }: JobsContext): JobDefinition<never> {
  return {
    name: QUEUES.reconcilePayments,
    cron: '*/5 * * * *',
    handler: async () => {
      const result = await reconcilePayments(deps)
      if (result.checked || result.failed || result.refundsResumed) logger.info(result, 'payments reconciled')
      if (result.failed) logger.warn(result, 'some payments could not be reconciled; next run tries again')
    },
  }
}

/** Every minute: "download my data" archives waiting to be built; archives past their 7 days deleted. */
export function privacyBuildExportsJob({ deps, logger }: Pick<JobsContext, 'deps' | 'logger'>): JobDefinition<never> {
  return {
    name: QUEUES.privacyBuildExports,
    cron: '* * * * *',
    retryLimit: 2,
    retryDelaySeconds: 60,
    handler: async () => {
      const expired = await expireDataExports(deps)
      const built = await buildPendingDataExports(deps, (exportId, error) => logger.error({ err: error, exportId }, 'privacy export failed'))
      if (built.built || built.failed || expired.expired) logger.info({ ...built, ...expired }, 'privacy exports')
    },
  }
}

/** Every 15 minutes: accounts whose 14-day grace period has passed are erased (resumable, idempotent). */
export function privacyEraseAccountsJob({ deps, logger }: Pick<JobsContext, 'deps' | 'logger'>): JobDefinition<never> {
  return {
    name: QUEUES.privacyEraseAccounts,
    cron: '*/15 * * * *',
    retryLimit: 3,
    retryDelaySeconds: 300,
    handler: async () => {
      const result = await eraseDueAccounts(deps)
      if (result.erased) logger.info(result, 'accounts erased')
    },
  }
}

/**
 * The registry's retention rules (packages/api/src/privacy/registry.ts): daily at 02:23 UTC, and the
 * monthly ones (newsletter unsubscriptions) on the 1st at 02:37 UTC. Each rule writes a run-log row
 * (admin page /admin/privacy, where a dry run reports what would go without deleting).
 */
export function privacyRetentionJob({ deps, logger }: Pick<JobsContext, 'deps' | 'logger'>, schedule: 'daily' | 'monthly'): JobDefinition<never> {
  return {
    name: schedule === 'daily' ? QUEUES.privacyRetentionDaily : QUEUES.privacyRetentionMonthly,
    cron: schedule === 'daily' ? '23 2 * * *' : '37 2 1 * *',
    retryLimit: 2,
    retryDelaySeconds: 600,
    handler: async () => {
      const results = await applyRetention(deps, { rules: retentionRulesFor(schedule), dryRun: false, job: `privacy.retention-${schedule}` })
      logger.info({ results: results.map((r) => ({ rule: r.rule, rows: r.rows, errors: r.errors.length })) }, 'privacy retention run')
      const failed = results.filter((r) => r.errors.length > 0)
      if (failed.length > 0) throw new Error(`privacy retention: ${failed.map((r) => r.rule).join(', ')} failed (see the run log)`)
    },
  }
}

/** Coaching: reminders (every 5 minutes; once per booking, reminder and recipient) and hourly credit expiry. */
function coachingJobs({ deps, logger }: JobsContext): JobDefinition<never>[] {
  return [
    {
      name: QUEUES.coachingReminders,
      cron: '*/5 * * * *',
      retryLimit: 2,
      handler: async () => {
        const result = await sendReminders(deps)
        if (result.queued > 0) logger.info(result, 'coaching reminders queued')
      },
    },
    {
      name: QUEUES.coachingExpireCredits,
      cron: '23 * * * *',
      retryLimit: 2,
      handler: async () => {
        const result = await expireCredits(deps)
        if (result.expired > 0) logger.info(result, 'coaching credits expired')
      },
    },
  ]
}

/**
 * Marketing (statistics): hourly at :07, yesterday and today so far are rolled up into `stat_daily`
 * (idempotent: a day is counted again from its raw events), and the salts of past days are deleted.
 */
export function statsRollUpJob({ deps, logger }: Pick<JobsContext, 'deps' | 'logger'>): JobDefinition<never> {
  return {
    name: QUEUES.statsRollUp,
    cron: '7 * * * *',
    retryLimit: 2,
    retryDelaySeconds: 300,
    handler: async () => {
      logger.info(await rollUpStats(deps), 'statistics rolled up')
    },
  }
}

/**
 * Every minute: starts newsletters whose time has come and queues the next NEWSLETTER_RATE_PER_MINUTE
 * mails through the outbox (resumable: a crash never queues anyone twice, see send-newsletter.ts).
 */
function marketingSendNewslettersJob({ deps, logger }: JobsContext): JobDefinition<never> {
  return {
    name: QUEUES.marketingSendNewsletters,
    cron: '* * * * *',
    retryLimit: 2,
    handler: async () => {
      const result = await sendDueNewsletters(deps)
      if (result.started || result.queued || result.skipped || result.finished) logger.info(result, 'newsletter send run')
    },
  }
}

/**
 * Marketing (Messenger chat): every minute, and woken after a consent change (`deps.onChatQueued`),
 * contacts to create, update or clear at ManyChat (see sync-chat-contacts.ts: resumable, idempotent; a
 * failed call is retried with a backoff kept on the row). Without MANYCHAT_API_KEY it does nothing.
 */
export function marketingChatSyncJob({ deps, logger }: Pick<JobsContext, 'deps' | 'logger'>): JobDefinition<never> {
  return {
    name: QUEUES.marketingChatSync,
    cron: '* * * * *',
    retryLimit: 1,
    handler: async () => {
      if (!deps.manychat) return
      const result = await syncChatContacts(deps)
      if (result.synced || result.removed) logger.info(result, 'chat contacts synced with ManyChat')
      if (result.failed) logger.warn(result, 'some chat contacts could not be synced; they are retried later')
    },
  }
}

/**
 * Every minute: a key rotation an admin started on /admin/privacy moves up to 50 batches of encrypted
 * values to the newest key, then leaves the rest to the next minute (resumable, idempotent; see
 * packages/api/src/privacy/rotate-encryption-keys.ts). Nothing to do costs one small select.
 */
export function privacyRotateKeysJob({ deps, logger }: Pick<JobsContext, 'deps' | 'logger'>): JobDefinition<never> {
  return {
    name: QUEUES.privacyRotateKeys,
    cron: '* * * * *',
    retryLimit: 2,
    retryDelaySeconds: 60,
    handler: async () => {
      const result = await runKeyRotation(deps, { maxBatches: 50 })
      if (result.status === 'failed') logger.error(result, 'key rotation failed (see /admin/privacy)')
      else if (result.moved || result.status === 'finished') logger.info(result, 'key rotation run')
    },
  }
}
