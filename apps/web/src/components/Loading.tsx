import { useTranslation } from 'react-i18next'
import { Spinner } from './Spinner.tsx'

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <div className="loading" role="status">
      <Spinner />
      <span>{label ?? t('common.loading')}</span>
    </div>
  )
}
