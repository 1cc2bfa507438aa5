import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { FocusHeading } from '../../components/FocusHeading.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import './newsletter.css'

/**
 * /nieuwsbrief/afmelden?token=…: opening the link only shows a button (mail scanners open links and
 * must not unsubscribe anyone); the click unsubscribes. No login. Mail clients use the one-click POST.
 */
export function UnsubscribePage() {
  const { t } = useTranslation()
  useDocumentTitle(t('newsletter.unsubscribeTitle'))
  const trpc = useTRPC()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const unsubscribe = useMutation(trpc.marketing.unsubscribe.mutationOptions())
  return (
    <div className="container newsletter-page">
      <PageHeader eyebrow={t('newsletter.eyebrow')} title={t('newsletter.unsubscribeTitle')} />
      <div className="card newsletter-card">
        {unsubscribe.isSuccess ? (
          <div className="notice notice--success" role="status">
            <FocusHeading>{t('newsletter.unsubscribedTitle')}</FocusHeading>
            <p>{t('newsletter.unsubscribedText')}</p>
          </div>
        ) : token ? (
          <>
            <p>{t('newsletter.unsubscribeText')}</p>
            {unsubscribe.isError ? (
              <p className="alert alert--error" role="alert">
                {t('error.generic')}
              </p>
            ) : null}
            <Button pending={unsubscribe.isPending} pendingLabel={t('newsletter.unsubscribing')} onClick={() => unsubscribe.mutate({ token })}>
              {t('newsletter.unsubscribeButton')}
            </Button>
          </>
        ) : (
          <p className="alert alert--error" role="alert">
            {t('marketing.linkInvalid')}
          </p>
        )}
        <p>
          <Link to="/nieuwsbrief">{t('newsletter.backToArchive')}</Link>
        </p>
      </div>
    </div>
  )
}
