import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import './admin.css'

/** The admin sections: path under /admin and the key of its name in `admin.nav`. */
const SECTIONS = [
  ['statistieken', 'stats'],
  ['cursussen', 'courses'],
  ['toegang', 'access'],
  ['bestellingen', 'orders'],
  ['producten', 'products'],
  ['kortingscodes', 'coupons'],
  ['privacy', 'privacy'],
  ['privacyverzoeken', 'privacyRequests'],
  ['autorisaties', 'authorisations'],
  ['nieuwsbrieven', 'newsletters'],
  ['coaching', 'coaching'],
  ['blog', 'blog'],
  ['reacties', 'blogComments'],
] as const

/** Every /admin page: the sub-navigation, then the page. */
export function AdminShell() {
  const { t } = useTranslation()
  return (
    <>
      <nav className="container admin-nav" aria-label={t('admin.nav.label')}>
        <ul className="admin-nav__list">
          {SECTIONS.map(([path, label]) => (
            <li key={path}>
              <NavLink to={`/admin/${path}`} className="admin-nav__link">
                {t(`admin.nav.${label}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  )
}
