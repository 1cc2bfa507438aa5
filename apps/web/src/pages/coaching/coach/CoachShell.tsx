import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet } from 'react-router'
import { StaffTwoFactorRequired } from '../../../components/RequireAdmin.tsx'
import { useMe } from '../../../lib/session.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import '../coaching.css'

const SECTIONS = [
  ['', 'sessions'],
  ['profiel', 'profile'],
  ['sessies', 'types'],
  ['beschikbaarheid', 'availability'],
] as const

/**
 * Every /coach page: coaches (and admins) only, with 2FA on like all staff (the server refuses the
 * coach procedures otherwise); then the sub-navigation and the page.
 */
export function CoachShell() {
  const { t } = useTranslation()
  const { me } = useMe()
  if (me?.role !== 'coach' && me?.role !== 'admin') return <CoachOnly />
  if (!me.twoFactorEnabled) return <StaffTwoFactorRequired />
  return (
    <div className="container coaching">
      <nav aria-label={t('coachPages.navLabel')}>
        <ul className="coach-nav">
          {SECTIONS.map(([path, label]) => (
            <li key={label}>
              <NavLink to={path ? `/coach/${path}` : '/coach'} end>
                {t(`coachPages.nav.${label}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  )
}

function CoachOnly() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.forbiddenTitle'))
  return (
    <div className="container page-narrow empty-state">
      <h1>{t('admin.forbiddenTitle')}</h1>
      <p className="lead">{t('error.forbidden')}</p>
      <Link className="btn btn--primary" to="/coaching">
        {t('coachingPage.backToCoaching')}
      </Link>
    </div>
  )
}
