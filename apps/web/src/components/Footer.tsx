import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useTRPC } from '../lib/trpc.ts'
import { Logo } from './Logo.tsx'

export function Footer() {
  const { t } = useTranslation()
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
        <SellerAddress />
        <nav aria-label={t('footer.navLabel')} className="site-footer__nav">
          <ul>
            <li>
              <Link to="/privacy">{t('footer.privacy')}</Link>
            </li>
            <li>
              <Link to="/voorwaarden">{t('footer.terms')}</Link>
            </li>
            <li>
              <Link to="/signup">{t('nav.signUp')}</Link>
            </li>
            <li>
              <Link to="/login">{t('nav.logIn')}</Link>
            </li>
          </ul>
        </nav>
      </div>
      <div className="container site-footer__legal">
        <p>{t('footer.copyright', { year: new Date().getFullYear() })}</p>
      </div>
    </footer>
  )
}

/** Who runs the site, as the server is configured (the same details as on invoices and the terms). */
function SellerAddress() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  // The seller's details change only with the server's configuration.
  const seller = useQuery({ ...trpc.system.seller.queryOptions(), staleTime: Infinity })
  if (!seller.data) return null
  const { name, addressLines, kvkNumber, vatNumber } = seller.data
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
