import { blogCommentReports, blogComments, eq } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { enforceRateLimit } from '../../auth/rate-limits.ts'
import { blogRules } from './blog-rules.ts'

/** A signed-in member reports a comment to the moderators; reporting twice counts once. */
export async function reportComment(deps: AppDeps, options: { reporterId: string; commentId: string; reason: string }) {
  await enforceRateLimit(deps, blogRules.rateLimits.reportsPerDay, options.reporterId)
  const [comment] = await deps.db.select({ id: blogComments.id, deletedAt: blogComments.deletedAt }).from(blogComments).where(eq(blogComments.id, options.commentId))
  if (!comment || comment.deletedAt) throw new AppError('NOT_FOUND', 'blog.commentNotFound')
  await deps.db
    .insert(blogCommentReports)
    .values({ commentId: comment.id, reporterId: options.reporterId, reason: options.reason, createdAt: deps.clock.now() })
    .onConflictDoNothing()
  return { reported: true }
}
