import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, ScrollRestoration, useLocation } from 'react-router'
import { Footer } from './Footer.tsx'
import { Header } from './Header.tsx'
import { useSessionResetAfterLogOut } from './LogOutButton.tsx'
import { ConsentDialog } from '../pages/privacy/ConsentDialog.tsx'
import { PolicyNotice } from '../pages/privacy/PolicyNotice.tsx'
import { useStatsBeacon } from '../pages/marketing/stats/statsBeacon.ts'
import { scrollKey } from '../lib/scrollKey.ts'

export function Layout() {
  const { t } = useTranslation()
  const location = useLocation()
  const mainRef = useRef<HTMLElement>(null)
  const firstRender = useRef(true)
  // marketing (statistics): one cookieless page view per page shown
  useStatsBeacon()
  useSessionResetAfterLogOut()

  // After a client-side page change, move focus to the new content so keyboard and screen reader
  // users start at the top of the page instead of on the link they used.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    if (!location.hash) mainRef.current?.focus({ preventScroll: true })
  }, [location.pathname, location.hash])

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <ConsentDialog />
      <Header />
      <PolicyNotice />
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        <Outlet />
      </main>
      <Footer />
      <ScrollRestoration getKey={scrollKey} />
    </div>
  )
}
