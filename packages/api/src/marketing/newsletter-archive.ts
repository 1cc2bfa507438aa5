import { and, desc, eq, newsletters } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { renderNewsletterHtml } from './render-newsletter.ts'

/** The public archive: sent newsletters, newest first. */
export async function listNewsletterArchive(deps: AppDeps) {
  return deps.db
    .select({ slug: newsletters.slug, subject: newsletters.subject, locale: newsletters.locale, sentAt: newsletters.sentAt })
    .from(newsletters)
    .where(eq(newsletters.status, 'sent'))
    .orderBy(desc(newsletters.sentAt))
    .limit(500)
}

/** One sent newsletter, rendered and sanitised as in the mail (without anyone's unsubscribe link). */
export async function getArchivedNewsletter(deps: AppDeps, { slug }: { slug: string }) {
  const [row] = await deps.db.select().from(newsletters).where(and(eq(newsletters.slug, slug), eq(newsletters.status, 'sent'))).limit(1)
  if (!row) throw new AppError('NOT_FOUND', 'marketing.newsletterNotFound')
  return { slug: row.slug, subject: row.subject, locale: row.locale, sentAt: row.sentAt, html: renderNewsletterHtml(row.bodyMarkdown) }
}
