import { and, asc, blogCommentReports, blogComments, blogPosts, eq, isNull, sql } from '@jouwbot/db'
import type { blogQueueInput } from '@jouwbot/shared'
import type { z } from 'zod'
import type { AppDeps } from '../../deps.ts'
import { renderCommentMarkdown } from './markdown.ts'

/**
 * Comments that wait for a moderator: new members' comments, and comments someone reported; oldest first,
 * a page at a time by keyset (created_at, id) with "load more". The comment's HTML was rendered when it was
 * written (blog_comments.body_html), so a page costs a few index reads, not a markdown render per row
 * (bench:scale); comments from before that column are rendered here.
 */
export async function listModerationQueue(deps: Pick<AppDeps, 'db'>, input: z.output<typeof blogQueueInput>) {
  const after = input.cursor
    ? sql`and (c.created_at, c.id) > (select k.created_at, k.id from ${blogComments} k where k.id = ${input.cursor})`
    : sql``
  const take = input.limit + 1
  // The queue's ids from two indexes (blog_comments_pending_idx, blog_comment_reports_open_idx), each branch
  // already cut to one page: the cost follows the page, not the size of the blog or of the queue.
  const queueIds = sql`select q.id from (
      (select c.id, c.created_at from ${blogComments} c where c.status = 'pending' and c.deleted_at is null ${after} order by c.created_at, c.id limit ${take})
      union
      (select c.id, c.created_at from ${blogCommentReports} r join ${blogComments} c on c.id = r.comment_id
        where r.resolved_at is null and c.deleted_at is null ${after} order by c.created_at, c.id limit ${take})
    ) q`
  const openReports = sql<number>`(select count(*)::int from ${blogCommentReports} r where r.comment_id = ${blogComments.id} and r.resolved_at is null)`
  const rows = await deps.db
    .select({
      id: blogComments.id,
      body: blogComments.body,
      bodyHtml: blogComments.bodyHtml,
      status: blogComments.status,
      createdAt: blogComments.createdAt,
      authorId: blogComments.authorId,
      authorName: sql<string | null>`(select first_name || ' ' || last_name from users where users.id = ${blogComments.authorId})`,
      blocked: sql<boolean>`exists (select 1 from blog_comment_blocks b where b.user_id = ${blogComments.authorId})`,
      postTitle: blogPosts.title,
      postSlug: blogPosts.slug,
      reports: openReports,
      reasons: sql<string[]>`coalesce((select array_agg(r.reason) from ${blogCommentReports} r where r.comment_id = ${blogComments.id} and r.resolved_at is null and r.reason <> ''), '{}')`,
    })
    .from(blogComments)
    .innerJoin(blogPosts, eq(blogPosts.id, blogComments.postId))
    .where(and(isNull(blogComments.deletedAt), sql`${blogComments.id} in (${queueIds})`))
    .orderBy(asc(blogComments.createdAt), asc(blogComments.id))
    .limit(take)
  const page = rows.slice(0, input.limit)
  return {
    comments: page.map(({ body, bodyHtml, ...row }) => ({ ...row, reports: Number(row.reports), html: bodyHtml ?? renderCommentMarkdown(body) })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  }
}
