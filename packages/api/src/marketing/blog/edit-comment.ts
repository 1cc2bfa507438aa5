import { blogComments, eq } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { inTransaction } from '../../transaction.ts'
import { blogRules } from './blog-rules.ts'
import { countLinks, renderCommentMarkdown } from './markdown.ts'

/** The author changes their comment, within 15 minutes of posting it. */
export async function editComment(deps: AppDeps, options: { authorId: string; commentId: string; body: string }) {
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    const [comment] = await tx.db.select().from(blogComments).where(eq(blogComments.id, options.commentId)).for('update')
    if (!comment || comment.deletedAt) throw new AppError('NOT_FOUND', 'blog.commentNotFound')
    if (comment.authorId !== options.authorId) throw new AppError('FORBIDDEN', 'blog.notYourComment')
    if (now.getTime() - comment.createdAt.getTime() > blogRules.editWindowMs) throw new AppError('CONFLICT', 'blog.editWindowOver')
    if (countLinks(options.body) > blogRules.maxLinks) throw new AppError('BAD_REQUEST', 'blog.tooManyLinks')
    const [updated] = await tx.db.update(blogComments).set({ body: options.body, bodyHtml: renderCommentMarkdown(options.body), editedAt: now }).where(eq(blogComments.id, comment.id)).returning()
    return { id: updated!.id, editedAt: updated!.editedAt }
  })
}
