import { blogCommentBlocks, desc, eq, sql } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { inTransaction } from '../../transaction.ts'

/** A moderator stops a member from commenting (their existing comments stay as they are). */
export async function blockCommenter(deps: AppDeps, options: { moderatorId: string; userId: string; reason: string }) {
  if (options.userId === options.moderatorId) throw new AppError('BAD_REQUEST', 'error.forbidden')
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    await tx.db
      .insert(blogCommentBlocks)
      .values({ userId: options.userId, blockedBy: options.moderatorId, reason: options.reason, createdAt: now })
      .onConflictDoNothing()
    await recordAudit(tx.db, { actorUserId: options.moderatorId, subjectUserId: options.userId, action: 'blog.commenter_blocked', details: {} }, now)
    return { blocked: true }
  })
}

/** Lifts a block. */
export async function unblockCommenter(deps: AppDeps, options: { moderatorId: string; userId: string }) {
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    await tx.db.delete(blogCommentBlocks).where(eq(blogCommentBlocks.userId, options.userId))
    await recordAudit(tx.db, { actorUserId: options.moderatorId, subjectUserId: options.userId, action: 'blog.commenter_unblocked', details: {} }, now)
    return { blocked: false }
  })
}

/** Members who may not comment, newest block first. */
export async function listBlockedCommenters(deps: Pick<AppDeps, 'db'>) {
  return deps.db
    .select({
      userId: blogCommentBlocks.userId,
      name: sql<string | null>`(select first_name || ' ' || last_name from users where users.id = ${blogCommentBlocks.userId})`,
      reason: blogCommentBlocks.reason,
      createdAt: blogCommentBlocks.createdAt,
    })
    .from(blogCommentBlocks)
    .orderBy(desc(blogCommentBlocks.createdAt))
}

/** Whether a member may not comment (the post page then shows no form). */
export async function isBlockedCommenter(deps: Pick<AppDeps, 'db'>, options: { userId: string }): Promise<boolean> {
  const [row] = await deps.db.select({ userId: blogCommentBlocks.userId }).from(blogCommentBlocks).where(eq(blogCommentBlocks.userId, options.userId))
  return !!row
}
