import { and, eq, inArray, newsletters } from '@jouwbot/db'
import { AppError, type saveNewsletterInput } from '@jouwbot/shared'
import type { z } from 'zod'
import type { AppDeps } from '../deps.ts'

/** A slug from the subject: lower-case ASCII words joined by hyphens. */
export function slugify(subject: string): string {
  const slug = subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '')
  return slug.length >= 3 ? slug : `nieuwsbrief-${slug || 'x'}`
}

/** Creates or edits a newsletter; only drafts and scheduled ones can change (scheduling is undone). */
export async function saveNewsletter(deps: AppDeps, { input, staffId }: { input: z.output<typeof saveNewsletterInput>; staffId: string }) {
  const now = deps.clock.now()
  const slug = input.slug ?? slugify(input.subject)
  const [taken] = await deps.db.select({ id: newsletters.id }).from(newsletters).where(eq(newsletters.slug, slug)).limit(1)
  if (taken && taken.id !== input.id) throw new AppError('CONFLICT', 'marketing.slugTaken')
  if (input.id) {
    const [row] = await deps.db
      .update(newsletters)
      .set({ subject: input.subject, slug, bodyMarkdown: input.bodyMarkdown, locale: input.locale, status: 'draft', scheduledAt: null, updatedAt: now })
      .where(and(eq(newsletters.id, input.id), inArray(newsletters.status, ['draft', 'scheduled'])))
      .returning({ id: newsletters.id })
    if (!row) throw new AppError('CONFLICT', 'marketing.newsletterNotEditable')
    return { id: row.id, slug }
  }
  const [row] = await deps.db
    .insert(newsletters)
    .values({ subject: input.subject, slug, bodyMarkdown: input.bodyMarkdown, locale: input.locale, createdBy: staffId, createdAt: now, updatedAt: now })
    .returning({ id: newsletters.id })
  return { id: row!.id, slug }
}
