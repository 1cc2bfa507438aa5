import { asc, blogComments, eq, sql } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'
import { blogRules } from './blog-rules.ts'
import { renderCommentMarkdown } from './markdown.ts'

export interface ThreadComment {
  id: string
  parentId: string | null
  /** First name and initial ("Sanne K."); null once deleted. */
  authorName: string | null
  html: string
  /** The author's own markdown (for the edit form); empty for everyone else. */
  markdown: string
  createdAt: Date
  editedAt: Date | null
  pending: boolean
  deleted: boolean
  mine: boolean
  canEdit: boolean
  replies: ThreadComment[]
}

/**
 * The comments under a post as a thread of one level. Everyone sees approved comments; a member also
 * sees their own comments that wait for moderation. A deleted comment shows as a placeholder only
 * where replies hang under it.
 */
export async function listPostComments(deps: Pick<AppDeps, 'db' | 'clock'>, options: { postId: string; viewerId: string | null }): Promise<ThreadComment[]> {
  const now = deps.clock.now()
  const rows = await deps.db
    .select({
      id: blogComments.id,
      parentId: blogComments.parentId,
      authorId: blogComments.authorId,
      body: blogComments.body,
      bodyHtml: blogComments.bodyHtml,
      status: blogComments.status,
      createdAt: blogComments.createdAt,
      editedAt: blogComments.editedAt,
      deletedAt: blogComments.deletedAt,
      authorName: sql<string | null>`(select first_name || coalesce(' ' || nullif(left(last_name, 1), '') || '.', '') from users where users.id = ${blogComments.authorId})`,
    })
    .from(blogComments)
    .where(eq(blogComments.postId, options.postId))
    .orderBy(asc(blogComments.createdAt), asc(blogComments.id))
  const toComment = (row: (typeof rows)[number]): ThreadComment => {
    const deleted = row.deletedAt !== null || row.authorId === null
    const mine = !deleted && options.viewerId !== null && row.authorId === options.viewerId
    return {
      id: row.id,
      parentId: row.parentId,
      authorName: deleted ? null : row.authorName,
      html: deleted ? '' : (row.bodyHtml ?? renderCommentMarkdown(row.body)),
      markdown: mine ? row.body : '',
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      pending: row.status === 'pending',
      deleted,
      mine,
      canEdit: mine && now.getTime() - row.createdAt.getTime() <= blogRules.editWindowMs,
      replies: [],
    }
  }
  const shown = (c: ThreadComment) => !c.deleted && (!c.pending || c.mine)
  const top = new Map<string, ThreadComment>()
  for (const row of rows) if (!row.parentId) top.set(row.id, toComment(row))
  for (const row of rows) {
    if (!row.parentId) continue
    const reply = toComment(row)
    if (shown(reply)) top.get(row.parentId)?.replies.push(reply)
  }
  return [...top.values()].filter((c) => shown(c) || (c.deleted && c.replies.length > 0))
}
