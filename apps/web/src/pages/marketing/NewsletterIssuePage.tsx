import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { PageHeader } from '../../components/PageHeader.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { formatLongDate } from '../../lib/format.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useLocale } from '../../lib/useLocale.ts'
import '../../components/Markdown.css'
import './newsletter.css'

/** /nieuwsbrief/:slug: one sent newsletter, as mailed (HTML sanitised on the server, no unsubscribe token). */
export function NewsletterIssuePage() {
  const { t } = useTranslation()
  const locale = useLocale()
  const { slug = '' } = useParams()
  const trpc = useTRPC()
  const issue = useQuery(trpc.marketing.archived.queryOptions({ slug }, { enabled: /^[a-z0-9-]{3,120}$/.test(slug) }))
  useDocumentTitle(issue.data?.subject ?? t('newsletter.title'))
  return (
    <div className="container newsletter-page">
      <QueryState query={issue}>
        {(data) => (
          <article lang={data.locale}>
            <PageHeader eyebrow={t('newsletter.eyebrow')} title={data.subject} intro={data.sentAt ? formatLongDate(new Date(data.sentAt), locale) : undefined} />
            {/* Rendered from markdown and sanitised (sanitize-html allow-list) by the server. */}
            <div className="markdown newsletter-issue" dangerouslySetInnerHTML={{ __html: data.html }} />
          </article>
        )}
      </QueryState>
      <p>
        <Link to="/nieuwsbrief">{t('newsletter.backToArchive')}</Link>
      </p>
    </div>
  )
}
