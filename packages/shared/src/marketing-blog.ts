import { z } from 'zod'
import { lineString, multilineString } from './strings.ts'

/** Blog inputs (marketing domain), shared by the server's procedures and the web forms. */

const uuid = z.uuid({ error: 'validation.invalid' })
const line = (max: number) => lineString().trim().max(max, { error: 'validation.tooLong' })
const required = (max: number) => line(max).min(1, { error: 'validation.required' })

export const blogPostStatuses = ['draft', 'scheduled', 'published'] as const
export const blogLanguages = ['nl', 'en'] as const
export type BlogPostStatus = (typeof blogPostStatuses)[number]
export type BlogLanguage = (typeof blogLanguages)[number]

/** Lowercase words joined by single hyphens: `mijn-eerste-bot`. */
export const blogSlugSchema = lineString()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(120, { error: 'validation.tooLong' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'validation.slug' })

export const blogTagSchema = lineString()
  .trim()
  .min(1)
  .max(40, { error: 'validation.tooLong' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'validation.slug' })

export const BLOG_COMMENT_MAX_LENGTH = 5000

const commentBody = multilineString()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(BLOG_COMMENT_MAX_LENGTH, { error: 'validation.tooLong' })

export const blogCommentInput = z
  .object({
    postId: uuid,
    /** Replies go under a top-level comment (one level). */
    parentId: uuid.nullable(),
    body: commentBody,
    notifyReplies: z.boolean(),
    /** Honeypot: a field people never see; anything in it marks a bot. */
    website: line(200),
    /** Signed moment the form was shown (`blog.comments.formToken`). */
    formToken: line(200),
  })
  .strict()

export const blogCommentEditInput = z.object({ commentId: uuid, body: commentBody }).strict()
export const blogCommentIdInput = z.object({ commentId: uuid }).strict()
export const blogCommentReportInput = z.object({ commentId: uuid, reason: line(500) }).strict()
export const blogSlugInput = z.object({ slug: blogSlugSchema }).strict()
export const blogPostIdInput = z.object({ postId: uuid }).strict()

export const blogPostInput = z
  .object({
    /** Absent: a new post. */
    id: uuid.optional(),
    slug: blogSlugSchema,
    title: required(200),
    summary: line(400),
    body: multilineString().max(100_000, { error: 'validation.tooLong' }),
    coverImageKey: line(300).nullable(),
    tags: z.array(blogTagSchema).max(10),
    status: z.enum(blogPostStatuses, { error: 'validation.invalid' }),
    /** ISO timestamp; required unless a draft. */
    publishAt: z.iso.datetime({ offset: true, error: 'validation.invalid' }).nullable(),
    language: z.enum(blogLanguages, { error: 'validation.invalid' }),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.status !== 'draft' && !value.publishAt) ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'validation.required' })
  })
export type BlogPostInput = z.infer<typeof blogPostInput>

export const blogPreviewInput = z.object({ body: multilineString().max(100_000, { error: 'validation.tooLong' }) }).strict()

export const blogBlockInput = z.object({ userId: uuid, reason: line(500) }).strict()
export const blogUnblockInput = z.object({ userId: uuid }).strict()
/** The moderation queue, a page at a time: `cursor` is the id of the last comment of the previous page. */
export const blogQueueInput = z
  .object({
    cursor: uuid.optional(),
    /** Sent by tRPC's infinite queries; the queue only pages forward. */
    direction: z.enum(['forward', 'backward']).optional(),
    limit: z.int().min(1).max(100).default(25),
  })
  .strict()
