import { blogComments, blogPosts, eq, users, type DbOrTx } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import type { AppDeps } from '../../deps.ts'

/**
 * Tells the author of the parent comment about an approved reply, when they asked for it. Once per
 * reply (dedupe key), never to the replier themself, never for a deleted parent.
 */
export async function mailReplyToParentAuthor(
  db: DbOrTx,
  deps: Pick<AppDeps, 'appOrigin' | 'seller'>,
  reply: { id: string; parentId: string | null; authorId: string | null; postId: string },
  now: Date,
): Promise<boolean> {
  if (!reply.parentId) return false
  const [parent] = await db
    .select({ authorId: blogComments.authorId, notify: blogComments.notifyReplies, deletedAt: blogComments.deletedAt, slug: blogPosts.slug, title: blogPosts.title })
    .from(blogComments)
    .innerJoin(blogPosts, eq(blogPosts.id, blogComments.postId))
    .where(eq(blogComments.id, reply.parentId))
  if (!parent?.notify || parent.deletedAt || !parent.authorId || parent.authorId === reply.authorId) return false
  const [recipient] = await db.select({ email: users.email, firstName: users.firstName, locale: users.locale }).from(users).where(eq(users.id, parent.authorId))
  const [replier] = reply.authorId ? await db.select({ firstName: users.firstName }).from(users).where(eq(users.id, reply.authorId)) : []
  if (!recipient) return false
  await enqueueMail(
    db,
    {
      to: recipient.email,
      template: 'blogCommentReply',
      locale: recipient.locale === 'en' ? 'en' : 'nl',
      params: {
        firstName: recipient.firstName,
        postTitle: parent.title,
        replierName: replier?.firstName ?? '—',
        url: `${deps.appOrigin}/blog/${parent.slug}#reactie-${reply.id}`,
      },
      seller: deps.seller,
      dedupeKey: `blog-reply:${reply.id}`,
    },
    now,
  )
  return true
}
