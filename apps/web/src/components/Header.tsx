import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, useLocation } from 'react-router'
import { useMe } from '../lib/session.ts'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { LogOutButton } from './LogOutButton.tsx'
import { Logo } from './Logo.tsx'

export function Header() {
  const { t, i18n } = useTranslation()
  const { me, signedIn } = useMe()
  const location = useLocation()
  const [menuOpen, setMenuOpen] = useState(false)
  const compact = useCompactHeader(`${signedIn ? (me?.role ?? 'member') : 'guest'} ${me?.firstName ?? ''} ${i18n.resolvedLanguage ?? ''}`)

  // Close the mobile menu after every navigation.
  useEffect(() => setMenuOpen(false), [location.pathname, location.hash])

  return (
    <header className={compact.on ? 'site-header site-header--compact' : 'site-header'}>
      <div className="container site-header__inner" ref={compact.ref}>
        <Link to="/" className="brand">
          <Logo />
          <span className="brand__name">Jouw Bot</span>
        </Link>
        {/* The price is one tap away on every width, logged in or out (the menu may be closed). */}
        <NavLink to="/prijzen" className="btn btn--primary header-pricing">
          {t('nav.pricing')}
        </NavLink>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="site-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="menu-toggle__bars" aria-hidden="true" />
          {t('nav.menu')}
        </button>
        <div id="site-menu" className={menuOpen ? 'site-menu site-menu--open' : 'site-menu'}>
          <nav aria-label={t('nav.label')}>
            <ul className="site-nav">
              <li>
                <NavLink to="/cursussen">{t('nav.course')}</NavLink>
              </li>
              <li>
                <NavLink to="/prijzen">{t('nav.pricing')}</NavLink>
              </li>
              <li>
                {/* Logged in: the booking pages; logged out: what coaching is, on the landing page. */}
                {signedIn ? (
                  <NavLink to="/coaching" end>
                    {t('nav.coaching')}
                  </NavLink>
                ) : (
                  <Link to="/#coaching">{t('nav.coaching')}</Link>
                )}
              </li>
              <li>
                <Link to="/stappenplan">{t('nav.ebook')}</Link>
              </li>
              <li>
                {/* The blog is server-rendered HTML (readable without JavaScript): a full page load. */}
                <a href="/blog">{t('nav.blog')}</a>
              </li>
              {signedIn ? (
                <li>
                  <NavLink to="/dashboard">{t('nav.myCourses')}</NavLink>
                </li>
              ) : null}
              {signedIn && me?.role === 'coach' ? (
                <li>
                  <NavLink to="/coach">{t('nav.coachArea')}</NavLink>
                </li>
              ) : null}
              {signedIn && me?.role === 'admin' ? (
                <li>
                  <NavLink to="/admin">{t('nav.admin')}</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
          <LanguageSwitch />
          <div className="site-header__account">
            {signedIn && me ? (
              <>
                <NavLink to="/account" className="account-link">
                  <span className="avatar" aria-hidden="true">
                    {me.firstName.slice(0, 1).toUpperCase()}
                  </span>
                  {me.firstName}
                  <span className="visually-hidden"> – {t('nav.account')}</span>
                </NavLink>
                <LogOutButton />
              </>
            ) : (
              <>
                <NavLink to="/login" className="btn btn--ghost">
                  {t('nav.logIn')}
                </NavLink>
                <NavLink to="/signup" className="btn btn--primary">
                  {t('nav.signUp')}
                </NavLink>
              </>
            )}
          </div>
        </div>
      </div>
    </header>
  )
}

/**
 * Whether the header folds its links behind "Menu": exactly when the whole row does not fit (which
 * depends on the role's links, the language and the name, not on one fixed breakpoint). Measured
 * before paint (the first time in the observer's first callback, after that frame's layout);
 * `contentKey` changes when the row's content may have, and then it is measured anew.
 */
function useCompactHeader(contentKey: string) {
  const ref = useRef<HTMLDivElement>(null)
  // Folded to start with: the server cannot measure, and a folded row fits every width, so the
  // server-rendered header does not shift on a phone (on a wide screen it unfolds after hydration).
  const [state, setState] = useState({ on: true, key: contentKey })
  // The width the full row needed when it last did not fit.
  const needed = useRef(0)
  const on = state.on && state.key === contentKey

  useLayoutEffect(() => {
    const inner = ref.current
    if (!inner) return
    const measure = () => {
      if (!on) {
        if (inner.scrollWidth > inner.clientWidth) {
          needed.current = inner.scrollWidth
          setState({ on: true, key: contentKey })
        }
      } else if (needed.current === 0) {
        // Folded from the start: unfold the class for one measurement instead of a render and a
        // second one to fold back (on a phone that pair ran inside hydration, forcing two layouts).
        const header = inner.parentElement
        header?.classList.remove('site-header--compact')
        const fits = inner.scrollWidth <= inner.clientWidth
        if (!fits) needed.current = inner.scrollWidth
        header?.classList.add('site-header--compact')
        if (fits) setState({ on: false, key: contentKey })
      } else if (inner.clientWidth >= needed.current) {
        setState({ on: false, key: contentKey })
      }
    }
    // Folded from the start (a server-rendered page being hydrated, or the first render): the
    // first reading is left to the observer's first callback, which comes in the next frame after
    // its layout. Measured here, inside hydration's commit, it forced the page's first full style
    // and layout into that task (20 ms and more on a phone). A phone stays folded either way; a
    // wide screen unfolds one frame later, as the server-rendered header already did.
    if (!(on && needed.current === 0)) measure()
    const observer = new ResizeObserver(measure)
    observer.observe(inner)
    const menu = inner.querySelector('.site-menu')
    if (menu && !on) observer.observe(menu)
    return () => observer.disconnect()
  }, [on, contentKey])

  return { on, ref }
}
