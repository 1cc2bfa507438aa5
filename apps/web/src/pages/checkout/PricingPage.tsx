import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Loading } from '../../components/Loading.tsx'
import { QueryError } from '../../components/QueryError.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { ProductIncludes } from './OrderSummary.tsx'
import { formatDecimal, formatMoney } from '../../lib/format.ts'
import type { Product } from './types.ts'

/** /prijzen — what is for sale, with prices incl. VAT; "Kopen" leads to the checkout. */
export function PricingPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('pricing.title'))
  const locale = useLocale()
  const trpc = useTRPC()
  // Keep the cards on screen while the names load in the other language.
  const products = useQuery({ ...trpc.checkout.products.queryOptions({ locale }), placeholderData: keepPreviousData })

  let body
  if (products.isPending) {
    body = <Loading />
  } else if (products.isError) {
    body = <QueryError error={products.error} onRetry={products.refetch} />
  } else if (products.data.length === 0) {
    body = (
      <div className="empty-state empty-state--small">
        <h2>{t('pricing.emptyTitle')}</h2>
        <p className="muted">{t('pricing.emptyText')}</p>
        <Link className="btn btn--primary" to="/cursussen">
          {t('pricing.toCourses')}
        </Link>
      </div>
    )
  } else {
    body = (
      <ul className="pricing-cards">
        {products.data.map((product) => (
          <li key={product.slug}>
            <PricingCard product={product} />
          </li>
        ))}
      </ul>
    )
  }

  return (
    <div className="container pricing">
      <header className="page-head">
        <p className="eyebrow">{t('pricing.eyebrow')}</p>
        <h1>{t('pricing.title')}</h1>
        <p className="lead">{t('pricing.intro')}</p>
      </header>
      {body}
      <p className="muted pricing__fineprint">{t('pricing.fineprint')}</p>
    </div>
  )
}

function PricingCard({ product }: { product: Product }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const titleId = `product-${product.slug}`
  return (
    <article className="card card--raised pricing-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="pricing-card__title">
        {product.name}
      </h2>
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
