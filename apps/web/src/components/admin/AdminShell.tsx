import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import '../../styles/admin.css'

/** Every /admin page: the sub-navigation, then the page. */
export function AdminShell() {
  const { t } = useTranslation()
  return (
    <>
      <nav className="container admin-nav" aria-label={t('admin.nav.label')}>
        <ul className="admin-nav__list">
          <li>
            <NavLink to="/admin/cursussen" className="admin-nav__link">
              {t('admin.nav.courses')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/toegang" className="admin-nav__link">
              {t('admin.nav.access')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/bestellingen" className="admin-nav__link">
              {t('admin.nav.orders')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/producten" className="admin-nav__link">
              {t('admin.nav.products')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/kortingscodes" className="admin-nav__link">
              {t('admin.nav.coupons')}
            </NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  )
}
