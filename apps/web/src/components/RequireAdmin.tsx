import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMe } from '../lib/session.ts'
import { useDocumentTitle } from '../lib/useDocumentTitle.ts'

/** Inside <RequireAuth>: renders its children for admins only (the server checks again). */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { me } = useMe()
  if (me?.role === 'admin' && !me.twoFactorEnabled) return <StaffTwoFactorRequired />
  if (me?.role === 'admin') return <>{children}</>
  return <StaffOnly backTo="/" backLabel="common.backHome" />
}

/** Staff must have 2FA on before any staff page (the server refuses their procedures too). */
export function StaffTwoFactorRequired() {
  const { t } = useTranslation()
  useDocumentTitle(t('privacy.staffTwoFactorRequired'))
  return (
    <div className="container page-narrow empty-state">
      <h1>{t('privacyCentre.staffTwoFactor.title')}</h1>
      <p className="lead">{t('privacy.staffTwoFactorRequired')}</p>
      <Link className="btn btn--primary" to="/account#twoFactor">
        {t('privacyCentre.staffTwoFactor.action')}
      </Link>
    </div>
  )
}

/** What a member sees on a staff page: not for you, and the way back. */
export function StaffOnly({ backTo, backLabel }: { backTo: string; backLabel: string }) {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.forbiddenTitle'))
  return (
    <div className="container page-narrow empty-state">
      <h1>{t('admin.forbiddenTitle')}</h1>
      <p className="lead">{t('error.forbidden')}</p>
      <Link className="btn btn--primary" to={backTo}>
        {t(backLabel)}
      </Link>
    </div>
  )
}
