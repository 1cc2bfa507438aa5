import { blogPosts, eq } from '@jouwbot/db'
import { AppError, type BlogPostInput } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { inTransaction } from '../../transaction.ts'

const isUniqueViolation = (error: unknown): boolean => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) if ((e as { code?: string }).code === '23505') return true
  return false
}

/** Creates or updates a post (staff). A slug is unique; tags are kept sorted and unique. */
export async function savePost(deps: AppDeps, options: { authorId: string; post: BlogPostInput }) {
  const { post } = options
  const values = {
    slug: post.slug,
    title: post.title,
    summary: post.summary,
    bodyMarkdown: post.body,
    coverImageKey: post.coverImageKey,
    tags: [...new Set(post.tags)].sort(),
    status: post.status,
    publishAt: post.publishAt ? new Date(post.publishAt) : null,
    language: post.language,
  }
  try {
    return await inTransaction(deps, async (tx) => {
      const now = tx.clock.now()
      let id = post.id
      if (id) {
        const [updated] = await tx.db.update(blogPosts).set({ ...values, updatedAt: now }).where(eq(blogPosts.id, id)).returning({ id: blogPosts.id })
        if (!updated) throw new AppError('NOT_FOUND', 'blog.postNotFound')
      } else {
        const [created] = await tx.db.insert(blogPosts).values({ ...values, authorId: options.authorId, createdAt: now, updatedAt: now }).returning({ id: blogPosts.id })
        id = created!.id
      }
      await recordAudit(tx.db, { actorUserId: options.authorId, subjectUserId: null, action: post.id ? 'blog.post_updated' : 'blog.post_created', details: { postId: id, status: post.status } }, now)
      return { id }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'blog.slugTaken')
    throw error
  }
}
