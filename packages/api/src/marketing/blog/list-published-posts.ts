import { and, arrayContains, blogPosts, desc } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'
import { postColumns, visiblePost } from './blog-rules.ts'

export interface ListPublishedPostsOptions {
  tag?: string
  limit?: number
}

export type PublishedPostSummary = Awaited<ReturnType<typeof listPublishedPosts>>[number]

/** Published posts, newest first (optionally of one tag): the blog index, tag pages, feed and sitemap. */
export async function listPublishedPosts(deps: Pick<AppDeps, 'db' | 'clock'>, options: ListPublishedPostsOptions = {}) {
  const now = deps.clock.now()
  const where = options.tag ? and(visiblePost(now), arrayContains(blogPosts.tags, [options.tag])) : visiblePost(now)
  return deps.db
    .select(postColumns)
    .from(blogPosts)
    .where(where)
    .orderBy(desc(blogPosts.publishAt))
    .limit(Math.min(options.limit ?? 100, 500))
}
