import type { UserRow } from '@jouwbot/auth'
import { courses, eq, type DbOrTx } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import { recordAudit } from '../../audit/record-audit.ts'

/**
 * Shared by the admin content services: slug conflicts, course lookups, chapter checks and the
 * audit row every content change writes (inside its transaction).
 */

/** A unique violation of one of the `*_slug_unique` indexes (courses, modules, lessons). */
export function isSlugConflict(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const e = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown }
    if (e.code === '23505') {
      const constraint = e.constraint_name ?? e.constraint
      return typeof constraint !== 'string' || constraint.endsWith('_slug_unique')
    }
    current = e.cause // drizzle wraps the driver's error (DrizzleQueryError.cause)
  }
  return false
}

/**
 * Runs a change that may hit a slug's unique index. The index decides (no check-then-insert race);
 * the transaction is rolled back by then, and the caller gets CONFLICT `admin.slugTaken`.
 */
export async function withSlugCheck<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change()
  } catch (error) {
    if (isSlugConflict(error)) throw new AppError('CONFLICT', 'admin.slugTaken')
    throw error
  }
}

/** The course row, locked for the rest of the transaction (changes to one course are serialised). */
export async function lockCourseBySlug(tx: DbOrTx, slug: string) {
  const [course] = await tx.select().from(courses).where(eq(courses.slug, slug)).for('update')
  if (!course) throw new AppError('NOT_FOUND', 'course.notFound')
  return course
}

export async function lockCourseById(tx: DbOrTx, id: string) {
  const [course] = await tx.select().from(courses).where(eq(courses.id, id)).for('update')
  if (!course) throw new AppError('NOT_FOUND', 'course.notFound')
  return course
}

/** Every chapter must start inside the lesson (before its end); a lesson without a duration has none. */
export function assertChaptersFit(chapters: readonly { startSeconds: number }[], durationSeconds: number): void {
  if (chapters.some((chapter) => chapter.startSeconds >= durationSeconds)) throw new AppError('BAD_REQUEST', 'admin.chapterAfterEnd')
}

/** Same-set check for reorder inputs: exactly the existing ids, each once. */
export function assertSameIds(existing: readonly string[], given: readonly string[]): void {
  const wanted = new Set(given)
  if (wanted.size !== given.length || given.length !== existing.length || existing.some((id) => !wanted.has(id))) {
    throw new AppError('BAD_REQUEST', 'admin.reorderMismatch')
  }
}

/** Content changes name no person: the admin is the actor, the subject stays empty. */
export function auditContent(tx: DbOrTx, admin: Pick<UserRow, 'id'>, action: string, details: Record<string, unknown>, now: Date) {
  return recordAudit(tx, { actorUserId: admin.id, subjectUserId: null, action, details }, now)
}

/** The names of the fields an update sets (audit details: what changed, not the texts themselves). */
export function changedFields(input: Record<string, unknown>, identity: string): string[] {
  return Object.keys(input).filter((key) => key !== identity && input[key] !== undefined)
}
