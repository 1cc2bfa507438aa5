import type { Me } from '@jouwbot/shared'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { Notice } from '../../components/Notice.tsx'
import { readNotice } from '../../lib/notices.ts'
import { useMe } from '../../lib/session.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { CoachingBalanceSection } from '../checkout/CoachingBalanceSection.tsx'
import { EmailSection } from './EmailSection.tsx'
import { PasswordSection } from './PasswordSection.tsx'
import { ProfileSection } from './ProfileSection.tsx'
import { SessionsSection } from './SessionsSection.tsx'
import { TwoFactorSection } from './TwoFactorSection.tsx'
import { VerifyEmailBanner } from './VerifyEmailBanner.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import './account.css'

const sections = ['profile', 'coaching', 'email', 'password', 'twoFactor', 'sessions'] as const

/** Rendered inside <RequireAuth>, so `me` is there. */
export function AccountPage() {
  const { me } = useMe()
  if (!me) return null
  return <AccountContent me={me} />
}

function AccountContent({ me }: { me: Me }) {
  const { t } = useTranslation()
  useDocumentTitle(t('account.title'))
  const location = useLocation()
  const notice = readNotice(location.state)

  return (
    <div className="container account">
      <PageHeader eyebrow={t('account.eyebrow')} title={t('account.greeting', { name: me.firstName })} intro={t('account.intro')} />
      {notice?.notice === 'recoveryCodeUsed' ? (
        <Notice tone={notice.remaining <= 3 ? 'warning' : 'info'}>
          <p>{t('account.recoveryCodeUsed', { count: notice.remaining })}</p>
          {notice.remaining <= 3 ? <p>{t('account.recoveryCodesLow')}</p> : null}
        </Notice>
      ) : null}
      {!me.emailVerified ? <VerifyEmailBanner email={me.email} /> : null}
      <div className="account__layout">
        <nav className="account__nav" aria-label={t('account.navLabel')}>
          <ul>
            {sections.map((section) => (
              <li key={section}>
                <a href={`#${section}`}>{t(`account.nav.${section}`)}</a>
              </li>
            ))}
            <li>
              <Link to="/account/bestellingen">{t('account.nav.orders')}</Link>
            </li>
            <li>
              <Link to="/account/privacy">{t('account.nav.privacy')}</Link>
            </li>
          </ul>
        </nav>
        <div className="account__sections">
          <ProfileSection me={me} />
          <CoachingBalanceSection />
          <EmailSection me={me} />
          <PasswordSection />
          <TwoFactorSection me={me} />
          <SessionsSection />
        </div>
      </div>
    </div>
  )
}
