import { useTranslation } from 'react-i18next'
import { ResendVerification } from '../auth/ResendVerification.tsx'

export function VerifyEmailBanner({ email }: { email: string }) {
  const { t } = useTranslation()
  return (
    <div className="notice notice--warning banner">
      <p className="notice__title">{t('account.unverifiedTitle')}</p>
      <p>{t('account.unverifiedText', { email })}</p>
      <ResendVerification email={email} />
    </div>
  )
}
