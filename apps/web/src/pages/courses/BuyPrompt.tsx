import { useId } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useMe } from '../../lib/session.ts'
import { LockIcon } from '../../components/icons.tsx'
import { formatDecimal, formatMoney } from '@jouwbot/shared/money'
import { useLocale } from '../../lib/useLocale.ts'
import { courseDisplayTitle, productsForCourse, useProducts } from '../checkout/useProducts.ts'

interface Props {
  course: { id: string; title: string }
  /** On a lesson page the prompt explains why the lesson is closed. */
  variant: 'course' | 'lesson'
  headingLevel?: 2 | 3
}

/** "Koop de Premium Cursus": shown instead of a locked lesson and on the outline without access. */
export function BuyPrompt({ course, variant, headingLevel = 2 }: Props) {
  const { t } = useTranslation()
  const locale = useLocale()
  const products = useProducts()
  const courseTitle = courseDisplayTitle(products.data, course, locale)
  const offers = productsForCourse(products.data, course.id)
  const cheapest = offers[0]
  const { signedIn } = useMe()
  const location = useLocation()
  const titleId = useId()
  const Heading = `h${headingLevel}` as const
  const next = encodeURIComponent(location.pathname + location.search)

  return (
    <section className="buy-prompt" aria-labelledby={titleId}>
      <span className="buy-prompt__icon" aria-hidden="true">
        <LockIcon size={22} />
      </span>
      <div className="buy-prompt__body">
        <Heading id={titleId} className="buy-prompt__title">
          {variant === 'lesson' ? t('buy.lessonTitle', { course: courseTitle }) : t('buy.courseTitle')}
        </Heading>
        <p>{t('buy.text', { course: courseTitle })}</p>
        {cheapest ? (
          <p className="buy-prompt__price">
            {t(offers.length > 1 ? 'buy.priceFrom' : 'buy.price', {
              price: formatMoney(cheapest.priceCents, locale),
              rate: formatDecimal(cheapest.vatRateBasisPoints / 100, locale),
            })}
          </p>
        ) : null}
        {variant === 'course' ? <p className="muted">{t('buy.previews')}</p> : null}
        <div className="button-row">
          <Link className="btn btn--primary" to={cheapest ? `/afrekenen/${cheapest.slug}` : '/prijzen'}>
            {t('buy.cta', { course: courseTitle })}
          </Link>
          {offers.length > 1 ? (
            <Link className="btn btn--secondary" to="/prijzen">
              {t('buy.allPackages')}
            </Link>
          ) : null}
        </div>
        {signedIn ? null : (
          <p className="buy-prompt__login">
            <Trans i18nKey="buy.haveAccess" components={{ login: <Link to={`/login?next=${next}`} /> }} />
          </p>
        )}
      </div>
    </section>
  )
}
