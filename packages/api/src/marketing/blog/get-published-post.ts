import { and, blogPosts, eq } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'
import { postColumns, visiblePost } from './blog-rules.ts'
import { renderPostMarkdown } from './markdown.ts'

export type PublishedPost = NonNullable<Awaited<ReturnType<typeof getPublishedPost>>>

/** One published post by slug, its body rendered and sanitised; null when unknown or not yet visible. */
export async function getPublishedPost(deps: Pick<AppDeps, 'db' | 'clock'>, options: { slug: string }) {
  const [row] = await deps.db
    .select({ ...postColumns, bodyMarkdown: blogPosts.bodyMarkdown })
    .from(blogPosts)
    .where(and(eq(blogPosts.slug, options.slug), visiblePost(deps.clock.now())))
    .limit(1)
  if (!row) return null
  const { bodyMarkdown, ...post } = row
  return { ...post, html: renderPostMarkdown(bodyMarkdown) }
}
