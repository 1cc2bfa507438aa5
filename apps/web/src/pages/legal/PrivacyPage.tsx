import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'

export function PrivacyPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('privacy.title'))
  return (
    <div className="container page-narrow prose">
      <h1>{t('privacy.title')}</h1>
      <p className="lead">{t('privacy.soon')}</p>
      <p>{t('privacy.contact')}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </div>
  )
}
