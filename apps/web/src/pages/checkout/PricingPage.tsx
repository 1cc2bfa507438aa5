import { useTranslation } from 'react-i18next'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { PricingCards } from './PricingCards.tsx'
import { useProducts } from './useProducts.ts'
import './checkout.css'

/** /prijzen — what is for sale, with prices incl. VAT; "Kopen" leads to the checkout. */
export function PricingPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('pricing.title'))
  const products = useProducts()

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
        {(list) => <PricingCards products={list} />}
      </QueryState>
      <p className="muted pricing__fineprint">{t('pricing.fineprint')}</p>
    </div>
  )
}
