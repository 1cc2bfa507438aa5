import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ErrorText } from '../../components/ErrorText.tsx'
import { FocusHeading } from '../../components/FocusHeading.tsx'
import { Loading } from '../../components/Loading.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { describeError } from '../../lib/errors.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useRunOnce } from '../../lib/useRunOnce.ts'
import './newsletter.css'

/** /nieuwsbrief/bevestigen?token=…: the newsletter's double opt-in click. */
export function NewsletterConfirmPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('newsletter.confirmTitle'))
  const trpc = useTRPC()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const confirm = useMutation(trpc.marketing.confirmSubscription.mutationOptions())
  useRunOnce(() => {
    if (token) confirm.mutate({ token })
  })
  return (
    <div className="container newsletter-page">
      <PageHeader eyebrow={t('newsletter.eyebrow')} title={t('newsletter.confirmTitle')} />
      <div className="card newsletter-card">
        {token && (confirm.isIdle || confirm.isPending) ? <Loading label={t('newsletter.confirming')} /> : null}
        {confirm.isSuccess ? (
          <div className="notice notice--success">
            <FocusHeading>{t('newsletter.confirmedTitle')}</FocusHeading>
            <p>{t('newsletter.confirmedText')}</p>
          </div>
        ) : null}
        {!token || confirm.isError ? (
          <div className="alert alert--error" role="alert">
            <p className="alert__message">{confirm.error ? <ErrorText error={describeError(confirm.error)} /> : t('marketing.linkInvalid')}</p>
          </div>
        ) : null}
        <p>
          <Link to="/nieuwsbrief">{t('newsletter.backToArchive')}</Link>
        </p>
      </div>
    </div>
  )
}
