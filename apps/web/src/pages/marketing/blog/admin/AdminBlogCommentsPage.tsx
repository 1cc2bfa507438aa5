import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ActionStatus } from '../../../../components/ActionStatus.tsx'
import { AdminSection } from '../../../../components/admin/AdminSection.tsx'
import { Button } from '../../../../components/Button.tsx'
import { PageHeader } from '../../../../components/PageHeader.tsx'
import { LoadMore } from '../../../../components/LoadMore.tsx'
import { QueryState } from '../../../../components/QueryState.tsx'
import { formatDateTime } from '../../../../lib/format.ts'
import { useTRPC } from '../../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../../lib/useLocale.ts'
import { useRowAction } from '../../../../lib/useRowAction.ts'
import '../blog-admin.css'

/** /admin/reacties — the moderation queue (new members' first comments, reported comments) and blocked members. */
export function AdminBlogCommentsPage() {
  const { t } = useTranslation()
  const locale = useLocale()
  useDocumentTitle(t('blogAdmin.comments.title'))
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  // A page at a time ("load more"); moderating refetches the pages loaded so far.
  const queue = useInfiniteQuery(trpc.admin.blog.queue.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor ?? undefined }))
  const commentCount = queue.data?.pages.reduce((sum, page) => sum + page.comments.length, 0) ?? 0
  const blocked = useQuery(trpc.admin.blog.blocked.queryOptions())
  const moderate = useMutation(trpc.admin.blog.moderate.mutationOptions())
  const block = useMutation(trpc.admin.blog.block.mutationOptions())
  const unblock = useMutation(trpc.admin.blog.unblock.mutationOptions())
  const action = useRowAction()
  const blockAction = useRowAction()
  const refresh = () => queryClient.invalidateQueries(trpc.admin.blog.pathFilter())

  const decide = (commentId: string, decision: 'approve' | 'delete') =>
    action.run(commentId, async () => {
      await moderate.mutateAsync({ commentId, decision })
      await refresh()
      return t(decision === 'approve' ? 'blogAdmin.comments.approved' : 'blogAdmin.comments.deleted')
    })

  return (
    <div className="container admin-page">
      <PageHeader eyebrow={t('admin.eyebrow')} title={t('blogAdmin.comments.title')} intro={t('blogAdmin.comments.intro')} />
      <div className="admin-page__sections">
        <AdminSection title={t('blogAdmin.comments.caption')}>
          <ActionStatus action={action} />
          <QueryState
            query={queue}
            isEmpty={(data) => data.pages.every((page) => page.comments.length === 0)}
            empty={<p className="muted">{t('blogAdmin.comments.empty')}</p>}
          >
            {(data) => (
              <ul className="blog-queue">
                {data.pages.flatMap((page) => page.comments).map((comment) => (
                  <li key={comment.id} className="blog-queue__item">
                    <p className="blog-queue__meta">
                      {t('blogAdmin.comments.author')} <strong>{comment.authorName ?? '—'}</strong> · {t('blogAdmin.comments.post')}{' '}
                      <a href={`/blog/${comment.postSlug}`}>{comment.postTitle}</a> · {formatDateTime(comment.createdAt, locale)}
                      {comment.status === 'pending' ? <span className="badge badge--muted"> {t('blogAdmin.comments.pending')}</span> : null}
                      {comment.reports > 0 ? <span className="badge badge--warning"> {t('blogAdmin.comments.reported', { count: comment.reports })}</span> : null}
                    </p>
                    {/* Rendered and sanitised by the server with the comment subset. */}
                    <div dangerouslySetInnerHTML={{ __html: comment.html }} />
                    {comment.reasons.length > 0 ? <ul>{comment.reasons.map((reason, i) => <li key={i}>{reason}</li>)}</ul> : null}
                    <div className="blog-queue__actions">
                      {comment.status === 'pending' || comment.reports > 0 ? (
                        <Button variant="primary" pending={action.pendingId === comment.id} disabled={action.pendingId !== null} onClick={() => void decide(comment.id, 'approve')}>
                          {t('blogAdmin.comments.approve')}
                        </Button>
                      ) : null}
                      <Button variant="secondary" disabled={action.pendingId !== null} onClick={() => void decide(comment.id, 'delete')}>
                        {t('blogAdmin.comments.delete')}
                      </Button>
                      {comment.authorId && !comment.blocked ? (
                        <Button
                          variant="secondary"
                          disabled={action.pendingId !== null}
                          onClick={() =>
                            void action.run(`block-${comment.id}`, async () => {
                              await block.mutateAsync({ userId: comment.authorId!, reason: t('blogAdmin.comments.blockReason') })
                              await refresh()
                              return t('blogAdmin.comments.blockedDone', { name: comment.authorName ?? '' })
                            })
                          }
                        >
                          {t('blogAdmin.comments.block')}
                        </Button>
                      ) : null}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
          <LoadMore query={queue} shown={commentCount > 0 ? t('blogAdmin.comments.shown', { count: commentCount }) : null} />
        </AdminSection>
        <AdminSection title={t('blogAdmin.comments.blockedTitle')}>
          <ActionStatus action={blockAction} />
          <QueryState query={blocked} empty={<p className="muted">{t('blogAdmin.comments.blockedEmpty')}</p>}>
            {(rows) => (
              <ul className="blog-queue">
                {rows.map((row) => (
                  <li key={row.userId} className="blog-queue__item">
                    <strong>{row.name ?? '—'}</strong> · {formatDateTime(row.createdAt, locale)} {row.reason ? `· ${row.reason}` : ''}{' '}
                    <Button
                      variant="secondary"
                      pending={blockAction.pendingId === row.userId}
                      disabled={blockAction.pendingId !== null}
                      onClick={() =>
                        void blockAction.run(row.userId, async () => {
                          await unblock.mutateAsync({ userId: row.userId })
                          await refresh()
                          return t('blogAdmin.comments.unblocked', { name: row.name ?? '' })
                        })
                      }
                    >
                      {t('blogAdmin.comments.unblock')}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </AdminSection>
      </div>
    </div>
  )
}
