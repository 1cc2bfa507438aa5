import { and, asc, blogCommentReports, blogComments, blogPosts, eq, isNull, sql } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'
import { renderCommentMarkdown } from './markdown.ts'

/** Comments that wait for a moderator: new members' comments, and comments someone reported. */
export async function listModerationQueue(deps: Pick<AppDeps, 'db'>) {
  const openReports = sql<number>`(select count(*)::int from ${blogCommentReports} r where r.comment_id = ${blogComments.id} and r.resolved_at is null)`
  const rows = await deps.db
    .select({
      id: blogComments.id,
      body: blogComments.body,
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
    .where(
      and(
        isNull(blogComments.deletedAt),
        // The queue's ids from two indexes (blog_comments_pending_idx, blog_comment_reports_open_idx) rather than a
        // report count per comment over every comment ever written: the same rows, but the cost follows the queue,
        // not the size of the blog (bench:scale).
        sql`${blogComments.id} in (select c.id from ${blogComments} c where c.status = 'pending' union select r.comment_id from ${blogCommentReports} r where r.resolved_at is null)`,
      ),
    )
    .orderBy(asc(blogComments.createdAt))
    .limit(200)
  return rows.map(({ body, ...row }) => ({ ...row, reports: Number(row.reports), html: renderCommentMarkdown(body) }))
}
