import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDecimal, formatMoney } from '@jouwbot/shared/money'
import { useLocale } from '../../lib/useLocale.ts'
import { ProductIncludes } from './ProductIncludes.tsx'
import type { Product } from './types.ts'
import './PricingCards.css'

/** One card per product with its price incl. VAT; "Kopen" leads straight to the checkout. */
export function PricingCards({ products, headingLevel = 2 }: { products: readonly Product[]; headingLevel?: 2 | 3 }) {
  return (
    <ul className="pricing-cards">
      {products.map((product) => (
        <li key={product.slug}>
          <PricingCard product={product} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  )
}

function PricingCard({ product, headingLevel }: { product: Product; headingLevel: 2 | 3 }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const titleId = `product-${product.slug}`
  const Heading = `h${headingLevel}` as const
  return (
    <article className="card card--raised pricing-card" aria-labelledby={titleId}>
      <Heading id={titleId} className="pricing-card__title">
        {product.name}
      </Heading>
      <p className="pricing-card__price">
        <span className="pricing-card__amount">{formatMoney(product.priceCents, locale)}</span>{' '}
        <span className="muted">{t('pricing.inclVat', { rate: formatDecimal(product.vatRateBasisPoints / 100, locale) })}</span>
      </p>
      {product.description ? <p className="pricing-card__description">{product.description}</p> : null}
      <ProductIncludes product={product} />
      <Link className="btn btn--primary" to={`/afrekenen/${product.slug}`}>
        {t('pricing.buy')}
        <span className="visually-hidden">: {product.name}</span>
      </Link>
    </article>
  )
}
