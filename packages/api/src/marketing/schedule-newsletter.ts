import { and, eq, inArray, newsletters } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'

/**
 * Schedules a draft for `at`, or for now (the send job picks it up within a minute). `cancel` takes a
 * scheduled newsletter back to draft. Once sending has started it cannot be changed.
 */
export async function scheduleNewsletter(deps: AppDeps, { id, at }: { id: string; at?: string | undefined }) {
  const now = deps.clock.now()
  const when = at ? new Date(at) : now
  const [row] = await deps.db
    .update(newsletters)
    .set({ status: 'scheduled', scheduledAt: when.getTime() < now.getTime() ? now : when, updatedAt: now })
    .where(and(eq(newsletters.id, id), inArray(newsletters.status, ['draft', 'scheduled'])))
    .returning({ id: newsletters.id, scheduledAt: newsletters.scheduledAt })
  if (!row) throw new AppError('CONFLICT', 'marketing.newsletterNotEditable')
  return row
}

export async function cancelScheduledNewsletter(deps: AppDeps, { id }: { id: string }) {
  const [row] = await deps.db
    .update(newsletters)
    .set({ status: 'draft', scheduledAt: null, updatedAt: deps.clock.now() })
    .where(and(eq(newsletters.id, id), eq(newsletters.status, 'scheduled')))
    .returning({ id: newsletters.id })
  if (!row) throw new AppError('CONFLICT', 'marketing.newsletterNotEditable')
  return row
}
