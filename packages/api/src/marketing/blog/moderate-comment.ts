import { and, blogCommentReports, blogComments, eq, isNull } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { inTransaction } from '../../transaction.ts'
import { mailReplyToParentAuthor } from './reply-mail.ts'

export interface ModerateCommentOptions {
  moderatorId: string
  commentId: string
  decision: 'approve' | 'delete'
}

/** A moderator approves a waiting or reported comment, or deletes it (text gone, placeholder stays). */
export async function moderateComment(deps: AppDeps, options: ModerateCommentOptions) {
  const mailed = await inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    const [comment] = await tx.db.select().from(blogComments).where(eq(blogComments.id, options.commentId)).for('update')
    if (!comment) throw new AppError('NOT_FOUND', 'blog.commentNotFound')
    await tx.db
      .update(blogCommentReports)
      .set({ resolvedAt: now })
      .where(and(eq(blogCommentReports.commentId, comment.id), isNull(blogCommentReports.resolvedAt)))
    await recordAudit(tx.db, { actorUserId: options.moderatorId, subjectUserId: comment.authorId, action: `blog.comment_${options.decision}d`, details: { commentId: comment.id } }, now)
    if (options.decision === 'delete') {
      if (!comment.deletedAt) await tx.db.update(blogComments).set({ body: '', bodyHtml: '', deletedAt: now, notifyReplies: false }).where(eq(blogComments.id, comment.id))
      return false
    }
    if (comment.deletedAt) throw new AppError('CONFLICT', 'blog.commentDeleted')
    if (comment.status === 'approved') return false
    await tx.db.update(blogComments).set({ status: 'approved' }).where(eq(blogComments.id, comment.id))
    return mailReplyToParentAuthor(tx.db, tx, comment, now)
  })
  if (mailed) deps.onMailQueued?.()
  return { ok: true }
}
