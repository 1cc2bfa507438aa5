import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, useRouteError } from 'react-router'
import { NotFoundPage } from './NotFoundPage.tsx'

/** Shown instead of a page that crashed while rendering. */
export function RouteErrorPage() {
  const { t } = useTranslation()
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />
  return (
    <div className="container page-narrow empty-state" role="alert">
      <h1>{t('crash.title')}</h1>
      <p className="lead">{t('crash.text')}</p>
      <a className="btn btn--primary" href="/">
        {t('common.backHome')}
      </a>
    </div>
  )
}
