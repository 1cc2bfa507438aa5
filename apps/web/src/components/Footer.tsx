import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
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
        <address className="site-footer__address">
          <strong>{t('footer.company')}</strong>
          <span>Sterrenlaan 218</span>
          <span>2402 BD Alphen aan den Rijn</span>
          <span>{t('footer.kvk', { number: '65529308' })}</span>
          <span>{t('footer.vat', { number: 'NL219943515B01' })}</span>
        </address>
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
