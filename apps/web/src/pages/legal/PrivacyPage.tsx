import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useSeller } from '../../lib/useSeller.ts'

export function PrivacyPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('privacy.title'))
  const seller = useSeller()
  return (
    <div className="container page-narrow prose">
      <h1>{t('privacy.title')}</h1>
      <p className="lead">{t('privacy.soon')}</p>
      {seller.data ? (
        <p>{t('privacy.contact', { name: seller.data.name, address: seller.data.addressLines.join(', ') })}</p>
      ) : null}
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </div>
  )
}
