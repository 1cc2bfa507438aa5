import type { AppDeps } from '@jouwbot/api'
import { issueCommentFormToken } from '@jouwbot/api/marketing/blog'
import { blogPosts, eq, users } from '@jouwbot/db'
import type { TestClock } from './clock.ts'
import type { TestClient } from './client.ts'

let counter = 0

/** A post straight in the database (published an hour ago unless told otherwise). */
export async function insertPost(
  deps: AppDeps,
  values: Partial<typeof blogPosts.$inferInsert> = {},
): Promise<typeof blogPosts.$inferSelect> {
  counter += 1
  const now = deps.clock.now()
  const [post] = await deps.db
    .insert(blogPosts)
    .values({
      slug: `bericht-${counter}-${Date.now()}`,
      title: `Je eerste Messenger-bot ${counter}`,
      summary: 'In vijf minuten een werkende bot.',
      bodyMarkdown: '## Stap 1\n\nMaak een **Facebook-pagina**.\n\n![Schema](/blog/images/schema.png)',
      tags: ['messenger', 'beginners'],
      status: 'published',
      publishAt: new Date(now.getTime() - 3_600_000),
      language: 'nl',
      ...values,
    })
    .returning()
  return post!
}

/** A form token issued "a while ago", so the time-to-submit rule lets the comment through. */
export function typedFormToken(deps: AppDeps & { clock: TestClock }): string {
  const token = issueCommentFormToken(deps)
  deps.clock.advance(10_000)
  return token
}

/** A member posts a comment through the real procedure. */
export async function comment(
  deps: AppDeps & { clock: TestClock },
  client: TestClient,
  postId: string,
  body: string,
  options: { parentId?: string | null; notifyReplies?: boolean } = {},
) {
  const api = await client.api()
  return api.blog.comments.post({ postId, parentId: options.parentId ?? null, body, notifyReplies: options.notifyReplies ?? false, website: '', formToken: typedFormToken(deps) })
}

export async function userIdOf(deps: AppDeps, email: string): Promise<string> {
  const [row] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, email))
  return row!.id
}
