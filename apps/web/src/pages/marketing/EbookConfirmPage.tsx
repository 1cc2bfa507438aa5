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

/** /stappenplan/bevestigen?token=…: the double opt-in click; confirms once and offers the download. */
export function EbookConfirmPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('ebook.confirmTitle'))
  const trpc = useTRPC()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const confirm = useMutation(trpc.marketing.confirmEbook.mutationOptions())
  useRunOnce(() => {
    if (token) confirm.mutate({ token })
  })

  return (
    <div className="container newsletter-page">
      <PageHeader eyebrow={t('ebook.eyebrow')} title={t('ebook.confirmTitle')} />
      <div className="card newsletter-card">
        {token && (confirm.isIdle || confirm.isPending) ? <Loading label={t('ebook.confirming')} /> : null}
        {confirm.isSuccess ? (
          <div className="notice notice--success">
            <FocusHeading>{t('ebook.confirmedTitle')}</FocusHeading>
            <p>{t('ebook.confirmedText')}</p>
            {confirm.data.newsletter ? <p>{t('ebook.confirmedNewsletter')}</p> : null}
            <p>
              <a className="btn btn--primary" href={confirm.data.downloadPath} download>
                {t('ebook.download')}
              </a>
            </p>
          </div>
        ) : null}
        {!token || confirm.isError ? (
          <div className="alert alert--error" role="alert">
            <p className="alert__message">{confirm.error ? <ErrorText error={describeError(confirm.error)} /> : t('marketing.linkInvalid')}</p>
            <p>
              <Link to="/stappenplan">{t('ebook.again')}</Link>
            </p>
          </div>
        ) : null}
      </div>
    </div>
  )
}
