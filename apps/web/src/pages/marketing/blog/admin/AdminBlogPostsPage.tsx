import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { AdminSection } from '../../../../components/admin/AdminSection.tsx'
import { DataTable, type Column } from '../../../../components/DataTable.tsx'
import { PageHeader } from '../../../../components/PageHeader.tsx'
import { QueryState } from '../../../../components/QueryState.tsx'
import { formatDateTime } from '../../../../lib/format.ts'
import { useTRPC } from '../../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../../lib/useLocale.ts'
import type { RouterOutputs } from '../../../../lib/trpc.ts'
import '../blog-admin.css'

type AdminPostRow = RouterOutputs['admin']['blog']['posts'][number]

/** /admin/blog — every article (drafts too) with its state, and the way to a new one. */
export function AdminBlogPostsPage() {
  const { t } = useTranslation()
  const locale = useLocale()
  useDocumentTitle(t('blogAdmin.posts.title'))
  const trpc = useTRPC()
  const posts = useQuery(trpc.admin.blog.posts.queryOptions())

  const columns: Column<AdminPostRow>[] = [
    {
      header: t('blogAdmin.posts.status'),
      cell: (post) => <span className={`badge badge--${post.status === 'published' ? 'success' : 'muted'}`}>{t(`blogAdmin.status.${post.status}`)}</span>,
    },
    { header: t('blogAdmin.posts.publishAt'), cell: (post) => (post.publishAt ? formatDateTime(post.publishAt, locale) : '—') },
    { header: t('blogAdmin.posts.language'), cell: (post) => t(`blogAdmin.languages.${post.language}`) },
    { header: t('blogAdmin.posts.comments'), cell: (post) => post.comments },
    {
      header: t('blogAdmin.posts.edit'),
      hideHeader: true,
      cell: (post) => (
        <Link to={`/admin/blog/${post.id}`} aria-label={t('blogAdmin.posts.editContext', { title: post.title })}>
          {t('blogAdmin.posts.edit')}
        </Link>
      ),
    },
  ]

  return (
    <div className="container admin-page">
      <PageHeader eyebrow={t('admin.eyebrow')} title={t('blogAdmin.posts.title')} intro={t('blogAdmin.posts.intro')} />
      <p>
        <Link className="btn btn--primary" to="/admin/blog/nieuw">
          {t('blogAdmin.posts.new')}
        </Link>
      </p>
      <AdminSection title={t('blogAdmin.posts.caption')}>
        <QueryState query={posts} empty={<p className="muted">{t('blogAdmin.posts.empty')}</p>}>
          {(rows) => (
            <DataTable
              caption={t('blogAdmin.posts.caption')}
              rowKey={(post) => post.id}
              rowHeader={{ header: t('blogAdmin.posts.titleColumn'), cell: (post) => post.title }}
              columns={columns}
              rows={rows}
            />
          )}
        </QueryState>
      </AdminSection>
    </div>
  )
}
