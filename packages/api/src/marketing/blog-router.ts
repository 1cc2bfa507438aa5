import {
  blogBlockInput,
  blogCommentEditInput,
  blogCommentIdInput,
  blogCommentInput,
  blogCommentReportInput,
  blogPostIdInput,
  blogPostInput,
  blogPreviewInput,
  blogQueueInput,
  blogSlugInput,
  blogTagSchema,
  blogUnblockInput,
} from '@jouwbot/shared'
import { z } from 'zod'
import { adminProcedure, authedProcedure, publicProcedure, router } from '../trpc.ts'
import { blockCommenter, listBlockedCommenters, unblockCommenter } from './blog/block-commenter.ts'
import { issueCommentFormToken } from './blog/comment-form-token.ts'
import { deleteOwnComment } from './blog/delete-own-comment.ts'
import { editComment } from './blog/edit-comment.ts'
import { getPublishedPost } from './blog/get-published-post.ts'
import { listModerationQueue } from './blog/list-moderation-queue.ts'
import { listPostComments } from './blog/list-post-comments.ts'
import { getPostForAdmin, listPostsForAdmin } from './blog/list-posts-for-admin.ts'
import { listPublishedPosts } from './blog/list-published-posts.ts'
import { moderateComment } from './blog/moderate-comment.ts'
import { postComment } from './blog/post-comment.ts'
import { previewPost } from './blog/preview-post.ts'
import { reportComment } from './blog/report-comment.ts'
import { savePost } from './blog/save-post.ts'

/** `blog.*`: the public posts and the members' comments. The readable pages are server-rendered (apps/server/src/http/marketing). */
export const blogRouter = router({
  posts: publicProcedure
    .input(z.object({ tag: blogTagSchema.optional() }).strict().optional())
    .query(({ ctx, input }) => listPublishedPosts(ctx.deps, { tag: input?.tag })),
  post: publicProcedure.input(blogSlugInput).query(({ ctx, input }) => getPublishedPost(ctx.deps, input)),
  comments: router({
    list: publicProcedure.input(blogPostIdInput).query(({ ctx, input }) => listPostComments(ctx.deps, { postId: input.postId, viewerId: ctx.user?.id ?? null })),
    formToken: publicProcedure.query(({ ctx }) => ({ token: issueCommentFormToken(ctx.deps) })),
    post: authedProcedure.input(blogCommentInput).mutation(({ ctx, input }) => postComment(ctx.deps, { ...input, authorId: ctx.user.id })),
    edit: authedProcedure.input(blogCommentEditInput).mutation(({ ctx, input }) => editComment(ctx.deps, { ...input, authorId: ctx.user.id })),
    delete: authedProcedure.input(blogCommentIdInput).mutation(({ ctx, input }) => deleteOwnComment(ctx.deps, { ...input, authorId: ctx.user.id })),
    report: authedProcedure.input(blogCommentReportInput).mutation(({ ctx, input }) => reportComment(ctx.deps, { ...input, reporterId: ctx.user.id })),
  }),
})

/** `admin.blog.*`: the post editor and the moderation queue (admins with 2FA). */
export const adminBlogRouter = router({
  posts: adminProcedure.query(({ ctx }) => listPostsForAdmin(ctx.deps)),
  post: adminProcedure.input(blogPostIdInput).query(({ ctx, input }) => getPostForAdmin(ctx.deps, input)),
  save: adminProcedure.input(blogPostInput).mutation(({ ctx, input }) => savePost(ctx.deps, { authorId: ctx.user.id, post: input })),
  // A mutation only because a long body does not fit a query string; it changes nothing.
  preview: adminProcedure.input(blogPreviewInput).mutation(({ ctx, input }) => previewPost(ctx.deps, input)),
  queue: adminProcedure.input(blogQueueInput).query(({ ctx, input }) => listModerationQueue(ctx.deps, input)),
  moderate: adminProcedure
    .input(z.object({ commentId: z.uuid(), decision: z.enum(['approve', 'delete']) }).strict())
    .mutation(({ ctx, input }) => moderateComment(ctx.deps, { ...input, moderatorId: ctx.user.id })),
  block: adminProcedure.input(blogBlockInput).mutation(({ ctx, input }) => blockCommenter(ctx.deps, { ...input, moderatorId: ctx.user.id })),
  unblock: adminProcedure.input(blogUnblockInput).mutation(({ ctx, input }) => unblockCommenter(ctx.deps, { ...input, moderatorId: ctx.user.id })),
  blocked: adminProcedure.query(({ ctx }) => listBlockedCommenters(ctx.deps)),
})
