import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { RouterOutputs } from '../lib/trpc.ts'
import { useSeller } from '../lib/useSeller.ts'
import { useMe } from '../lib/session.ts'
import { Logo } from './Logo.tsx'
import { openConsentSettings } from '../pages/privacy/consentStore.ts'
import { MessengerLink, useMessengerPage } from '../pages/marketing/chat/MessengerLink.tsx'

type Seller = RouterOutputs['system']['seller']

export function Footer() {
  const { t } = useTranslation()
  const { signedIn } = useMe()
  const seller = useSeller()
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <div className="site-footer__brand">
          <p className="brand">
            <Logo size={28} />
            <span className="brand__name">Jouw Bot</span>
          </p>
          <p className="site-footer__tagline">{t('footer.tagline')}</p>
        </div>
        {seller.data ? <SellerAddress seller={seller.data} /> : null}
        <nav aria-label={t('footer.navLabel')} className="site-footer__nav">
          <ul>
            <li>
              <Link to="/privacy">{t('footer.privacy')}</Link>
            </li>
            <li>
              <button type="button" className="consent-link" onClick={openConsentSettings}>
                {t('privacy.consent.settings')}
              </button>
            </li>
            <li>
              <Link to="/voorwaarden">{t('footer.terms')}</Link>
            </li>
            <li>
              <Link to="/prijzen">{t('nav.pricing')}</Link>
            </li>
            <li>
              <Link to="/cursussen">{t('nav.course')}</Link>
            </li>
            {signedIn ? (
              <li>
                <Link to="/account">{t('footer.account')}</Link>
              </li>
            ) : (
              <>
                <li>
                  <Link to="/signup">{t('nav.signUp')}</Link>
                </li>
                <li>
                  <Link to="/login">{t('nav.logIn')}</Link>
                </li>
              </>
            )}
            <MessengerFooterItem />
            <li>
              <Link to="/stappenplan">{t('nav.ebook')}</Link>
            </li>
            <li>
              <Link to="/nieuwsbrief">{t('footer.newsletter')}</Link>
            </li>
          </ul>
        </nav>
      </div>
      <div className="container site-footer__legal">
        {seller.data ? <p>{t('footer.copyright', { year: new Date().getFullYear(), name: seller.data.name })}</p> : null}
      </div>
    </footer>
  )
}

/** Who runs the site, as the server is configured (the same details as on invoices and the terms). */
function SellerAddress({ seller }: { seller: Seller }) {
  const { t } = useTranslation()
  const { name, addressLines, kvkNumber, vatNumber } = seller
  return (
    <address className="site-footer__address">
      <strong>{name}</strong>
      {addressLines.map((line) => (
        <span key={line}>{line}</span>
      ))}
      <span>{t('footer.kvk', { number: kvkNumber })}</span>
      <span>{t('footer.vat', { number: vatNumber })}</span>
    </address>
  )
}

/** marketing (Messenger chat): the m.me link as a footer item, only when MESSENGER_PAGE is set. */
function MessengerFooterItem() {
  const page = useMessengerPage()
  if (!page) return null
  return (
    <li>
      <MessengerLink from="footer" />
    </li>
  )
}
