import { and, blogCommentBlocks, blogComments, blogPosts, count, eq, gte, isNull, users } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { enforceRateLimit } from '../../auth/rate-limits.ts'
import { inTransaction } from '../../transaction.ts'
import { blogRules, visiblePost } from './blog-rules.ts'
import { checkCommentFormToken } from './comment-form-token.ts'
import { countLinks, renderCommentMarkdown } from './markdown.ts'
import { mailReplyToParentAuthor } from './reply-mail.ts'

export interface PostCommentOptions {
  authorId: string
  postId: string
  parentId: string | null
  body: string
  notifyReplies: boolean
  /** The honeypot field: empty for people. */
  website: string
  formToken: string
}

/** Whitespace and case do not make a comment new. */
const normalise = (body: string) => body.toLowerCase().replace(/\s+/g, ' ').trim()

/**
 * A verified member comments on a published post (or replies to a top-level comment). Spam rules, in
 * order: honeypot, time-to-submit (signed form stamp), rate limits, blocked member, link limit,
 * duplicate text. A member's first comments wait for moderation; staff and members with approved
 * comments are published at once.
 */
export async function postComment(deps: AppDeps, options: PostCommentOptions) {
  if (options.website.trim() !== '') throw new AppError('BAD_REQUEST', 'blog.spam')
  checkCommentFormToken(deps, options.formToken)
  await enforceRateLimit(deps, blogRules.rateLimits.perMinute, options.authorId)
  await enforceRateLimit(deps, blogRules.rateLimits.perDay, options.authorId)
  const result = await inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    // Locks the member's row: two comments of one member are checked one after the other (duplicates, trust).
    const [author] = await tx.db.select({ verifiedAt: users.emailVerifiedAt, role: users.role }).from(users).where(eq(users.id, options.authorId)).for('update')
    if (!author) throw new AppError('UNAUTHORIZED', 'error.unauthorized')
    if (!author.verifiedAt) throw new AppError('FORBIDDEN', 'blog.emailNotVerified')
    const [blocked] = await tx.db.select({ userId: blogCommentBlocks.userId }).from(blogCommentBlocks).where(eq(blogCommentBlocks.userId, options.authorId))
    if (blocked) throw new AppError('FORBIDDEN', 'blog.blocked')
    const [post] = await tx.db.select({ id: blogPosts.id }).from(blogPosts).where(and(eq(blogPosts.id, options.postId), visiblePost(now)))
    if (!post) throw new AppError('NOT_FOUND', 'blog.postNotFound')
    if (options.parentId) {
      const [parent] = await tx.db
        .select({ postId: blogComments.postId, parentId: blogComments.parentId, deletedAt: blogComments.deletedAt, status: blogComments.status })
        .from(blogComments)
        .where(eq(blogComments.id, options.parentId))
      if (!parent || parent.postId !== post.id || parent.status !== 'approved') throw new AppError('NOT_FOUND', 'blog.commentNotFound')
      if (parent.parentId) throw new AppError('BAD_REQUEST', 'blog.replyDepth')
      if (parent.deletedAt) throw new AppError('CONFLICT', 'blog.commentDeleted')
    }
    if (countLinks(options.body) > blogRules.maxLinks) throw new AppError('BAD_REQUEST', 'blog.tooManyLinks')
    const recent = await tx.db
      .select({ body: blogComments.body })
      .from(blogComments)
      .where(and(eq(blogComments.authorId, options.authorId), gte(blogComments.createdAt, new Date(now.getTime() - blogRules.duplicateWindowMs)), isNull(blogComments.deletedAt)))
    const text = normalise(options.body)
    if (recent.some((r) => normalise(r.body) === text)) throw new AppError('CONFLICT', 'blog.duplicate')
    const [approved] = await tx.db
      .select({ n: count() })
      .from(blogComments)
      .where(and(eq(blogComments.authorId, options.authorId), eq(blogComments.status, 'approved'), isNull(blogComments.deletedAt)))
    const trusted = author.role !== 'member' || (approved?.n ?? 0) >= blogRules.trustedAfterApproved
    const [comment] = await tx.db
      .insert(blogComments)
      .values({
        postId: post.id,
        authorId: options.authorId,
        parentId: options.parentId,
        body: options.body,
        bodyHtml: renderCommentMarkdown(options.body),
        status: trusted ? 'approved' : 'pending',
        notifyReplies: options.notifyReplies,
        createdAt: now,
      })
      .returning()
    const mailed = trusted ? await mailReplyToParentAuthor(tx.db, tx, comment!, now) : false
    return { comment: comment!, mailed }
  })
  if (result.mailed) deps.onMailQueued?.()
  return { id: result.comment.id, status: result.comment.status }
}
