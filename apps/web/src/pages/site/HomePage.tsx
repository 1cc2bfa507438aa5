import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { ChatMockup } from './ChatMockup.tsx'
import { PhaseCard } from './PhaseCard.tsx'
import { Notice } from '../../components/Notice.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { formatMoney } from '@jouwbot/shared/money'
import { useLocale } from '../../lib/useLocale.ts'
import { useSeller } from '../../lib/useSeller.ts'
import { PricingCards } from '../checkout/PricingCards.tsx'
import { useProducts } from '../checkout/useProducts.ts'
import { readNotice } from '../../lib/notices.ts'
import { useMe } from '../../lib/session.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { MessengerLink } from '../marketing/chat/MessengerLink.tsx'
import './home.css'

/** The course the landing page sells (seeded by packages/course-content; the shop's products unlock it). */
const COURSE_SLUG = 'premium-cursus'

export function HomePage() {
  const { t } = useTranslation()
  useDocumentTitle('')
  const { signedIn } = useMe()
  const location = useLocation()
  const notice = readNotice(location.state)
  const coachingPoints = t('home.coaching.points', { returnObjects: true }) as unknown
  const ebookPoints = t('home.ebook.points', { returnObjects: true }) as unknown
  const buildPoints = t('home.proof.points', { returnObjects: true }) as unknown
  const locale = useLocale()
  const seller = useSeller()
  const products = useProducts()
  // "Vanaf … · onbeperkt toegang" is about the course: the cheapest product that includes it.
  const courseOffers = (products.data ?? []).filter((product) => product.includesCourse)
  const cheapest = courseOffers.length ? Math.min(...courseOffers.map((product) => product.priceCents)) : null
  const fromPrice = cheapest === null ? null : formatMoney(cheapest, locale)

  return (
    <>
      {notice?.notice === 'loggedOut' ? (
        <div className="container">
          <Notice tone="info">
            <p>{t('home.loggedOut')}</p>
          </Notice>
        </div>
      ) : null}

      <section className="hero" aria-labelledby="hero-title">
        <div className="container hero__inner">
          <div className="hero__copy">
            <p className="eyebrow">{t('home.hero.eyebrow')}</p>
            <h1 id="hero-title" className="hero__title">
              {t('home.hero.title')}
            </h1>
            <p className="hero__lead">{t('home.hero.lead')}</p>
            <div className="hero__actions">
              <Link className="btn btn--primary btn--large" to="/#prijzen">
                {t('home.hero.cta')}
              </Link>
              <Link className="btn btn--secondary btn--large" to={`/cursus/${COURSE_SLUG}`}>
                {t('home.hero.secondary')}
              </Link>
            </div>
            {fromPrice ? <p className="hero__price">{t('home.hero.price', { price: fromPrice })}</p> : null}
            <ul className="hero__points">
              <li>{t('home.hero.point1')}</li>
              <li>{t('home.hero.point2')}</li>
              <li>{t('home.hero.point3')}</li>
            </ul>
          </div>
          <ChatMockup />
        </div>
      </section>

      <section className="stats" aria-label={t('home.stats.label')}>
        <dl className="container stats__inner">
          <div className="stat">
            <dt>{t('home.stats.videosLabel')}</dt>
            <dd>{t('home.stats.videos')}</dd>
          </div>
          <div className="stat">
            <dt>{t('home.stats.phasesLabel')}</dt>
            <dd>{t('home.stats.phases')}</dd>
          </div>
          <div className="stat">
            <dt>{t('home.stats.coachingLabel')}</dt>
            <dd>{t('home.stats.coaching')}</dd>
          </div>
        </dl>
      </section>

      <section id="cursus" className="section" aria-labelledby="cursus-title">
        <div className="container">
          <div className="section__head">
            <p className="eyebrow">{t('home.course.eyebrow')}</p>
            <h2 id="cursus-title">{t('home.course.title')}</h2>
            <p className="lead">{t('home.course.lead')}</p>
          </div>
          <ol className="phases">
            <PhaseCard phase="build" step={1} />
            <PhaseCard phase="launch" step={2} />
            <PhaseCard phase="sell" step={3} />
          </ol>
        </div>
      </section>

      <section id="docent" className="section section--tinted" aria-labelledby="docent-title">
        <div className="container split">
          <div>
            <p className="eyebrow">{t('home.proof.eyebrow')}</p>
            <h2 id="docent-title">{t('home.proof.title')}</h2>
            <p className="lead">{t('home.proof.lead')}</p>
            {Array.isArray(buildPoints) ? (
              <ul className="checklist">
                {buildPoints.map((point) => (
                  <li key={String(point)}>{String(point)}</li>
                ))}
              </ul>
            ) : null}
            <p>
              <Link to={`/cursus/${COURSE_SLUG}`}>{t('home.proof.previews')}</Link>
            </p>
          </div>
          <div className="card card--raised instructor">
            <h3>{t('home.proof.teacherTitle')}</h3>
            <p className="instructor__name">{seller.data ? seller.data.name : 'Jouw Bot'}</p>
            <p>{t('home.proof.teacherText')}</p>
          </div>
        </div>
      </section>

      <section id="prijzen" className="section" aria-labelledby="prijzen-title">
        <div className="container">
          <div className="section__head">
            <p className="eyebrow">{t('home.pricing.eyebrow')}</p>
            <h2 id="prijzen-title">{t('home.pricing.title')}</h2>
            <p className="lead">{t('home.pricing.lead')}</p>
          </div>
          <QueryState query={products} empty={<p>{t('pricing.emptyText')}</p>}>
            {(list) => <PricingCards products={list} headingLevel={3} />}
          </QueryState>
          <p className="muted home-pricing__fineprint">
            {t('pricing.fineprint')} <Link to="/prijzen">{t('home.pricing.more')}</Link>
          </p>
        </div>
      </section>

      <section id="coaching" className="section section--tinted" aria-labelledby="coaching-title">
        <div className="container split">
          <div>
            <p className="eyebrow">{t('home.coaching.eyebrow')}</p>
            <h2 id="coaching-title">{t('home.coaching.title')}</h2>
            <p className="lead">{t('home.coaching.lead')}</p>
            <p>{t('home.coaching.text')}</p>
            <MessengerLink from="home" />
          </div>
          <div className="card card--raised">
            <h3>{t('home.coaching.cardTitle')}</h3>
            {Array.isArray(coachingPoints) ? (
              <ul className="checklist">
                {coachingPoints.map((point) => (
                  <li key={String(point)}>{String(point)}</li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      </section>

      <section id="stappenplan" className="section" aria-labelledby="ebook-title">
        <div className="container">
          <div className="card ebook">
            <div className="ebook__cover" aria-hidden="true">
              <span className="ebook__cover-label">{t('home.ebook.coverLabel')}</span>
              <span className="ebook__cover-title">{t('home.ebook.coverTitle')}</span>
            </div>
            <div className="ebook__copy">
              <p className="badge">{t('home.ebook.badge')}</p>
              <h2 id="ebook-title">{t('home.ebook.title')}</h2>
              <p>{t('home.ebook.text')}</p>
              {Array.isArray(ebookPoints) ? (
                <ul className="checklist">
                  {ebookPoints.map((point) => (
                    <li key={String(point)}>{String(point)}</li>
                  ))}
                </ul>
              ) : null}
              <Link className="btn btn--primary" to="/stappenplan">
                {t('home.ebook.cta')}
              </Link>
            </div>
          </div>
        </div>
      </section>

      <section className="cta-band" aria-labelledby="cta-title">
        <div className="container">
          <div className="cta-band__inner">
            <h2 id="cta-title">{t('home.cta.title')}</h2>
            <p>{t('home.cta.text')}</p>
            <div className="cta-band__actions">
              <Link className="btn btn--light btn--large" to="/prijzen">
                {t('home.cta.button')}
              </Link>
              <Link className="cta-band__link" to={signedIn ? '/dashboard' : `/cursus/${COURSE_SLUG}`}>
                {signedIn ? t('home.cta.myCourses') : t('home.cta.previews')}
              </Link>
            </div>
          </div>
        </div>
      </section>
    </>
  )
}
