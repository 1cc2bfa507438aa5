import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDocumentTitle } from '../lib/useDocumentTitle.ts'

/** Placeholder until checkout exists: the buy buttons lead here. */
export function PricingPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('pricing.title'))
  return (
    <div className="container page-narrow prose">
      <p className="eyebrow">{t('pricing.eyebrow')}</p>
      <h1>{t('pricing.title')}</h1>
      <p className="lead">{t('pricing.soon')}</p>
      <p>{t('pricing.meanwhile')}</p>
      <p>
        <Link className="btn btn--primary" to="/cursussen">
          {t('pricing.toCourses')}
        </Link>
      </p>
    </div>
  )
}
