import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import { StaffOnly, StaffTwoFactorRequired } from '../../../components/RequireAdmin.tsx'
import { useMe } from '../../../lib/session.ts'
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
  if (me?.role !== 'coach' && me?.role !== 'admin') return <StaffOnly backTo="/coaching" backLabel="coachingPage.backToCoaching" />
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
