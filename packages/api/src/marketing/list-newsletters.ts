import { desc, eq, newsletters, newsletterSubscriberCounts } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { renderNewsletterHtml, renderNewsletterText } from './render-newsletter.ts'

/** Admin: every newsletter with its progress, and the subscriber counts per status. */
export async function listNewsletters(deps: AppDeps) {
  const rows = await deps.db
    .select({
      id: newsletters.id,
      slug: newsletters.slug,
      subject: newsletters.subject,
      locale: newsletters.locale,
      status: newsletters.status,
      scheduledAt: newsletters.scheduledAt,
      startedAt: newsletters.startedAt,
      sentAt: newsletters.sentAt,
      recipientCount: newsletters.recipientCount,
      queuedCount: newsletters.queuedCount,
      skippedCount: newsletters.skippedCount,
      updatedAt: newsletters.updatedAt,
    })
    .from(newsletters)
    .orderBy(desc(newsletters.createdAt))
    .limit(200)
  // Kept by triggers on newsletter_subscribers (migration 0021): five rows, not a count of every subscriber.
  const counts = await deps.db.select().from(newsletterSubscriberCounts)
  return {
    newsletters: rows,
    subscribers: Object.fromEntries(counts.filter((c) => c.count > 0).map((c) => [c.status, c.count])) as Record<string, number>,
  }
}

/** Admin: one newsletter to edit. */
export async function getNewsletter(deps: AppDeps, { id }: { id: string }) {
  const [row] = await deps.db.select().from(newsletters).where(eq(newsletters.id, id)).limit(1)
  if (!row) throw new AppError('NOT_FOUND', 'marketing.newsletterNotFound')
  return row
}

/** Admin: the preview of markdown as the mail and the archive will show it. */
export function previewNewsletter({ bodyMarkdown }: { bodyMarkdown: string }) {
  return { html: renderNewsletterHtml(bodyMarkdown), text: renderNewsletterText(bodyMarkdown) }
}
