import { and, asc, eq, inArray, isNotNull, isNull, lte, ne, newsletterDeliveries, newsletters, newsletterSubscribers, privacySettings, sql, users } from '@jouwbot/db'
import { enqueueRenderedMails, renderNewsletterMail, type RenderedOutgoingMail } from '@jouwbot/mail'
import type { AppDeps } from '../deps.ts'
import { mayProcess } from '../privacy/get-privacy-settings.ts'
import { inTransaction, type TxDeps } from '../transaction.ts'
import { link, newsletterSettings } from './links.ts'
import { renderNewsletterHtml, renderNewsletterText } from './render-newsletter.ts'
import { confirmSubscriber } from './subscribers.ts'

export const NEWSLETTER_TEMPLATE = 'newsletter'

/**
 * Points where a test can stop the send as a crash would (the hook throws): after the recipients were
 * fixed, inside a batch after some mails were queued but before its commit, and after a batch committed.
 */
export type SendStep = 'recipients-fixed' | 'mail-queued' | 'batch-committed'

export interface SendNewslettersOptions {
  /** Mails queued per run at most; the job runs every minute, so this is the rate per minute. */
  limit?: number
  /** Mails per transaction. */
  batchSize?: number
  /** Tests: called at each step; throwing there is a crash at that point. */
  onStep?: (step: SendStep) => void
}

/**
 * The `marketing.send-newsletters` job, every minute: starts the newsletters whose time has come and
 * queues the next mails of those being sent, at most `limit` per run, through the mail outbox.
 *
 * Exactly once, also after a crash at any point: the recipients are fixed once, as one row per
 * newsletter and subscriber (UNIQUE), in the transaction that moves the newsletter to `sending`;
 * each mail is queued (outbox dedupe key `newsletter:<id>:<subscriber>`) in the same transaction that
 * marks its row `queued`. A rerun finds only rows still `pending` and queues those.
 */
export async function sendDueNewsletters(deps: AppDeps, options: SendNewslettersOptions = {}): Promise<{ started: number; queued: number; skipped: number; finished: number }> {
  const limit = options.limit ?? newsletterSettings(deps).ratePerMinute
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 100, limit))
  const now = deps.clock.now()
  const result = { started: 0, queued: 0, skipped: 0, finished: 0 }

  const due = await deps.db
    .select({ id: newsletters.id })
    .from(newsletters)
    .where(and(eq(newsletters.status, 'scheduled'), lte(newsletters.scheduledAt, now)))
    .orderBy(asc(newsletters.scheduledAt))
  for (const { id } of due) {
    if (await fixRecipients(deps, id)) result.started++
    options.onStep?.('recipients-fixed')
  }

  let budget = limit
  const sending = await deps.db.select().from(newsletters).where(eq(newsletters.status, 'sending')).orderBy(asc(newsletters.startedAt))
  for (const newsletter of sending) {
    const bodyHtml = renderNewsletterHtml(newsletter.bodyMarkdown)
    const bodyText = renderNewsletterText(newsletter.bodyMarkdown)
    while (budget > 0) {
      const batch = await inTransaction(deps, (tx) => queueBatch(tx, { newsletter, bodyHtml, bodyText, size: Math.min(batchSize, budget), onStep: options.onStep }))
      if (batch.queued + batch.skipped > 0) {
        options.onStep?.('batch-committed')
        deps.onMailQueued?.()
      }
      // Nothing claimable (another worker holds the rows): leave it to the next run.
      if (batch.queued + batch.skipped === 0 && !batch.done) break
      budget -= batch.queued + batch.skipped
      result.queued += batch.queued
      result.skipped += batch.skipped
      if (batch.done) {
        result.finished++
        break
      }
    }
  }
  return result
}

/**
 * Moves a due newsletter to `sending` and fixes its recipients: every confirmed, unsuppressed
 * subscriber, and every member who consented (and did not object or have processing restricted, as
 * `mayProcess` says), who is synced into the subscriber list first. One transaction: a crash leaves
 * the newsletter `scheduled` and the next run starts over.
 */
async function fixRecipients(deps: AppDeps, newsletterId: string): Promise<boolean> {
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    const [claimed] = await tx.db
      .update(newsletters)
      .set({ status: 'sending', startedAt: now, updatedAt: now })
      .where(and(eq(newsletters.id, newsletterId), eq(newsletters.status, 'scheduled')))
      .returning({ id: newsletters.id })
    if (!claimed) return false
    const members = await tx.db
      .select({ id: users.id, email: users.email, firstName: users.firstName, locale: users.locale, consentAt: users.newsletterConsentAt })
      .from(users)
      .leftJoin(privacySettings, eq(privacySettings.userId, users.id))
      .where(and(isNotNull(users.newsletterConsentAt), isNotNull(users.emailVerifiedAt), isNull(privacySettings.restrictedAt)))
    for (const member of members) {
      // A member who changed their address: the old address's row is no longer theirs to mail.
      await tx.db.delete(newsletterSubscribers).where(and(eq(newsletterSubscribers.userId, member.id), ne(newsletterSubscribers.email, member.email.toLowerCase())))
      await confirmSubscriber(tx.db, {
        email: member.email,
        firstName: member.firstName,
        locale: member.locale === 'en' ? 'en' : 'nl',
        source: 'member',
        userId: member.id,
        consentTextVersion: 'account-newsletter-v1',
        now: member.consentAt ?? now,
      })
    }
    await tx.db.execute(sql`
      insert into ${newsletterDeliveries} (newsletter_id, subscriber_id)
      select ${newsletterId}::uuid, s.id from ${newsletterSubscribers} s
      where s.status = 'confirmed' and s.suppressed_at is null
      on conflict do nothing`)
    const recipients = await tx.db.$count(newsletterDeliveries, eq(newsletterDeliveries.newsletterId, newsletterId))
    await tx.db.update(newsletters).set({ recipientCount: recipients }).where(eq(newsletters.id, newsletterId))
    return true
  })
}

interface BatchInput {
  newsletter: typeof newsletters.$inferSelect
  bodyHtml: string
  bodyText: string
  size: number
  onStep: ((step: SendStep) => void) | undefined
}

/** Queues the next pending deliveries of one newsletter; marks it sent when none are left. */
async function queueBatch(tx: TxDeps, { newsletter, bodyHtml, bodyText, size, onStep }: BatchInput): Promise<{ queued: number; skipped: number; done: boolean }> {
  const now = tx.clock.now()
  const settings = newsletterSettings(tx)
  const rows = await tx.db
    .select({
      subscriberId: newsletterDeliveries.subscriberId,
      email: newsletterSubscribers.email,
      status: newsletterSubscribers.status,
      suppressedAt: newsletterSubscribers.suppressedAt,
      userId: newsletterSubscribers.userId,
      unsubscribeToken: newsletterSubscribers.unsubscribeToken,
    })
    .from(newsletterDeliveries)
    .innerJoin(newsletterSubscribers, eq(newsletterSubscribers.id, newsletterDeliveries.subscriberId))
    .where(and(eq(newsletterDeliveries.newsletterId, newsletter.id), eq(newsletterDeliveries.status, 'pending')))
    .orderBy(asc(newsletterDeliveries.subscriberId))
    .limit(size)
    .for('update', { of: newsletterDeliveries, skipLocked: true })

  if (rows.length === 0) {
    const left = await tx.db.$count(newsletterDeliveries, and(eq(newsletterDeliveries.newsletterId, newsletter.id), eq(newsletterDeliveries.status, 'pending')))
    if (left === 0) await tx.db.update(newsletters).set({ status: 'sent', sentAt: now, updatedAt: now }).where(and(eq(newsletters.id, newsletter.id), eq(newsletters.status, 'sending')))
    return { queued: 0, skipped: 0, done: left === 0 }
  }

  const archiveUrl = link(tx.appOrigin, `/nieuwsbrief/${newsletter.slug}`)
  const locale = newsletter.locale === 'en' ? 'en' : 'nl'
  const queuedIds: string[] = []
  const skippedIds: string[] = []
  const mails: RenderedOutgoingMail[] = []
  for (const row of rows) {
    // Checked again now: an unsubscribe, bounce, objection or restriction since the start wins
    // (for members the privacy domain's one question, `mayProcess`).
    const allowed = row.status === 'confirmed' && row.suppressedAt === null && (row.userId === null || (await mayProcess(tx.db, row.userId, 'newsletter')))
    if (!allowed) {
      skippedIds.push(row.subscriberId)
      continue
    }
    const unsubscribeUrl = link(tx.appOrigin, '/nieuwsbrief/afmelden', { token: row.unsubscribeToken })
    const mail = renderNewsletterMail({ locale, subject: newsletter.subject, bodyHtml, bodyText, unsubscribeUrl, archiveUrl, seller: tx.seller })
    mails.push({
      to: row.email,
      template: NEWSLETTER_TEMPLATE,
      ...mail,
      from: settings.from,
      headers: newsletterHeaders(tx.appOrigin, settings.unsubscribeMailto, row.unsubscribeToken),
      dedupeKey: `newsletter:${newsletter.id}:${row.subscriberId}`,
    })
    queuedIds.push(row.subscriberId)
  }
  // One statement per batch; the dedupe key keeps a mail that was queued before from being queued again.
  await enqueueRenderedMails(tx.db, mails, now)
  if (mails.length > 0) onStep?.('mail-queued')
  const mark = async (ids: string[], status: 'queued' | 'skipped') => {
    if (ids.length === 0) return
    await tx.db
      .update(newsletterDeliveries)
      .set({ status, queuedAt: now })
      .where(and(eq(newsletterDeliveries.newsletterId, newsletter.id), inArray(newsletterDeliveries.subscriberId, ids)))
  }
  await mark(queuedIds, 'queued')
  await mark(skippedIds, 'skipped')
  await tx.db
    .update(newsletters)
    .set({
      queuedCount: sql`${newsletters.queuedCount} + ${queuedIds.length}`,
      skippedCount: sql`${newsletters.skippedCount} + ${skippedIds.length}`,
      updatedAt: now,
    })
    .where(eq(newsletters.id, newsletter.id))
  return { queued: queuedIds.length, skipped: skippedIds.length, done: false }
}

/** RFC 2369 / RFC 8058 headers: the list's id, an https one-click link and a mailto, and the one-click marker. */
export function newsletterHeaders(appOrigin: string, mailto: string, unsubscribeToken: string): Record<string, string> {
  const host = new URL(appOrigin).hostname
  const https = link(appOrigin, '/nieuwsbrief/afmelden', { token: unsubscribeToken })
  return {
    'List-Id': `Jouw Bot nieuwsbrief <nieuwsbrief.${host}>`,
    'List-Unsubscribe': `<${https}>, <mailto:${mailto}?subject=${encodeURIComponent(`unsubscribe ${unsubscribeToken}`)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  }
}
