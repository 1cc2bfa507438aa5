import { blogComments, eq } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'

/**
 * The author deletes their comment, at any time (the privacy statement promises it): the text is
 * gone at once; where replies hang under it, a "verwijderd" placeholder keeps their place. Deleting
 * again changes nothing.
 */
export async function deleteOwnComment(deps: Pick<AppDeps, 'db' | 'clock'>, options: { authorId: string; commentId: string }) {
  const [comment] = await deps.db.select({ authorId: blogComments.authorId, deletedAt: blogComments.deletedAt }).from(blogComments).where(eq(blogComments.id, options.commentId))
  if (!comment) throw new AppError('NOT_FOUND', 'blog.commentNotFound')
  if (comment.authorId !== options.authorId) throw new AppError('FORBIDDEN', 'blog.notYourComment')
  if (comment.deletedAt) return { deleted: true }
  await deps.db.update(blogComments).set({ body: '', bodyHtml: '', deletedAt: deps.clock.now(), notifyReplies: false }).where(eq(blogComments.id, options.commentId))
  return { deleted: true }
}
