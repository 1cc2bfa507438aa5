import { useTranslation } from 'react-i18next'
import { Spinner } from './Spinner.tsx'

/**
 * `page`: the whole page is still to come. It then takes the screen's height, so the footer stays
 * below the fold until the content is there instead of being pushed down in view (a layout shift).
 */
export function Loading({ label, page = false }: { label?: string; page?: boolean }) {
  const { t } = useTranslation()
  return (
    <div className={page ? 'loading loading--page' : 'loading'} role="status">
      <Spinner />
      <span>{label ?? t('common.loading')}</span>
    </div>
  )
}

/** While a page's code or its data loads (route fallbacks, a page's first query). */
export function PageLoading() {
  return <Loading page />
}
