import { sql } from 'drizzle-orm'
import { boolean, check, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core'
import { users } from './auth.ts'

/**
 * Marketing (blog): posts written by staff, and comments by verified members under them, with
 * reports and per-member comment blocks. Comments are the member's own data (privacy registry,
 * category `feedback`): exported, deleted by the member at any time, anonymised at erasure.
 */

const at = () => timestamp({ withTimezone: true })

export const blogPostStatus = pgEnum('blog_post_status', ['draft', 'scheduled', 'published'])
export const blogLanguage = pgEnum('blog_language', ['nl', 'en'])
export const blogCommentStatus = pgEnum('blog_comment_status', ['pending', 'approved'])

export const blogPosts = pgTable(
  'blog_posts',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    bodyMarkdown: text().notNull().default(''),
    /** Storage key of the cover image (company content, not member data). */
    coverImageKey: text(),
    /** The staff member who wrote it; unlinked when that account is erased. */
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    status: blogPostStatus().notNull().default('draft'),
    /** Visible from this moment when `status` is `scheduled` or `published`. */
    publishAt: at(),
    language: blogLanguage().notNull().default('nl'),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('blog_posts_slug_key').on(t.slug),
    index('blog_posts_visible_idx').on(t.status, t.publishAt),
    check('blog_posts_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('blog_posts_publish_at', sql`${t.status} = 'draft' or ${t.publishAt} is not null`),
  ],
)

export const blogComments = pgTable(
  'blog_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    postId: uuid()
      .notNull()
      .references(() => blogPosts.id, { onDelete: 'cascade' }),
    /** Null once the author's account is erased (the placeholder "verwijderd" stays for the replies). */
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** One level of replies: a reply's parent is always a top-level comment. */
    parentId: uuid().references((): AnyPgColumn => blogComments.id, { onDelete: 'cascade' }),
    /** The member's markdown; emptied when the member deletes the comment. */
    body: text().notNull(),
    /**
     * `body` rendered (renderCommentMarkdown) when the comment is written or edited, so lists do not render
     * markdown per row on every read; null for comments written before it was stored (rendered on read).
     */
    bodyHtml: text(),
    status: blogCommentStatus().notNull().default('pending'),
    /** The author wants a mail when someone replies. */
    notifyReplies: boolean().notNull().default(false),
    createdAt: at().notNull().defaultNow(),
    editedAt: at(),
    deletedAt: at(),
  },
  (t) => [
    index('blog_comments_post_idx').on(t.postId, t.createdAt),
    index('blog_comments_author_idx').on(t.authorId, t.createdAt),
    index('blog_comments_pending_idx').on(t.status, t.createdAt),
    check('blog_comments_deleted_empty', sql`${t.deletedAt} is null or ${t.body} = ''`),
  ],
)

export const blogCommentReports = pgTable(
  'blog_comment_reports',
  {
    commentId: uuid()
      .notNull()
      .references(() => blogComments.id, { onDelete: 'cascade' }),
    reporterId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text().notNull().default(''),
    createdAt: at().notNull().defaultNow(),
    /** Set when staff dealt with the report (approved or deleted the comment). */
    resolvedAt: at(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.reporterId] }), index('blog_comment_reports_open_idx').on(t.resolvedAt)],
)

/** A member who may no longer comment. */
export const blogCommentBlocks = pgTable('blog_comment_blocks', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  blockedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  reason: text().notNull().default(''),
  createdAt: at().notNull().defaultNow(),
})
