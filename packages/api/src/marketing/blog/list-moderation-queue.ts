import { and, asc, blogCommentReports, blogComments, blogPosts, eq, isNull, or, sql } from '@jouwbot/db'
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
    .where(and(isNull(blogComments.deletedAt), or(eq(blogComments.status, 'pending'), sql`${openReports} > 0`)))
    .orderBy(asc(blogComments.createdAt))
    .limit(200)
  return rows.map(({ body, ...row }) => ({ ...row, reports: Number(row.reports), html: renderCommentMarkdown(body) }))
}
