import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { ProductIncludes } from './OrderSummary.tsx'
import { formatDecimal, formatMoney } from '../../lib/format.ts'
import type { Product } from './types.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import './checkout.css'

/** /prijzen — what is for sale, with prices incl. VAT; "Kopen" leads to the checkout. */
export function PricingPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('pricing.title'))
  const locale = useLocale()
  const trpc = useTRPC()
  // Keep the cards on screen while the names load in the other language.
  const products = useQuery({ ...trpc.checkout.products.queryOptions({ locale }), placeholderData: keepPreviousData })

  return (
    <div className="container pricing">
      <PageHeader eyebrow={t('pricing.eyebrow')} title={t('pricing.title')} intro={t('pricing.intro')} lead />
      <QueryState
        query={products}
        empty={
          <EmptyState
            title={t('pricing.emptyTitle')}
            text={t('pricing.emptyText')}
            to="/cursussen"
            action={t('pricing.toCourses')}
          />
        }
      >
        {(list) => (
          <ul className="pricing-cards">
            {list.map((product) => (
              <li key={product.slug}>
                <PricingCard product={product} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
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
