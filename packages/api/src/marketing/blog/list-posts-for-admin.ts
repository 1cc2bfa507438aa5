import { blogComments, blogPosts, desc, eq, sql } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'

/** Every post, drafts included, newest change first, with its comment counts. */
export async function listPostsForAdmin(deps: Pick<AppDeps, 'db'>) {
  return deps.db
    .select({
      id: blogPosts.id,
      slug: blogPosts.slug,
      title: blogPosts.title,
      status: blogPosts.status,
      publishAt: blogPosts.publishAt,
      language: blogPosts.language,
      updatedAt: blogPosts.updatedAt,
      comments: sql<number>`(select count(*)::int from ${blogComments} c where c.post_id = ${blogPosts.id} and c.deleted_at is null)`,
    })
    .from(blogPosts)
    .orderBy(desc(blogPosts.updatedAt))
}

/** One post as the editor needs it (markdown, not rendered). */
export async function getPostForAdmin(deps: Pick<AppDeps, 'db'>, options: { postId: string }) {
  const [post] = await deps.db.select().from(blogPosts).where(eq(blogPosts.id, options.postId))
  if (!post) throw new AppError('NOT_FOUND', 'blog.postNotFound')
  return {
    id: post.id,
    slug: post.slug,
    title: post.title,
    summary: post.summary,
    body: post.bodyMarkdown,
    coverImageKey: post.coverImageKey,
    tags: post.tags,
    status: post.status,
    publishAt: post.publishAt ? post.publishAt.toISOString() : null,
    language: post.language,
  }
}
