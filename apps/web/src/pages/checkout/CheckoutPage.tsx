import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { Loading } from '../../components/Loading.tsx'
import { QueryError } from '../../components/QueryError.tsx'
import { useMe } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { CheckoutForm } from './CheckoutForm.tsx'
import { useProducts } from './useProducts.ts'
import './checkout.css'

/** /afrekenen/:productSlug — members only (RequireAuth sends others to log in and back). */
export function CheckoutPage() {
  const { t } = useTranslation()
  const { productSlug = '' } = useParams()
  const { me } = useMe()
  // keepPreviousData: a language switch must not unmount the form and lose what was typed.
  const products = useProducts()
  const trpc = useTRPC()
  // The address of the last order fills the form (a failed lookup just leaves it empty).
  const lastBilling = useQuery({ ...trpc.checkout.lastBilling.queryOptions(), staleTime: Infinity, retry: false })
  const product = products.data?.find((candidate) => candidate.slug === productSlug)
  useDocumentTitle(product ? t('checkout.title', { product: product.name }) : t('checkout.titleShort'))

  if (products.isPending || lastBilling.isPending) return <Loading />
  if (products.isError) {
    return (
      <div className="container page-narrow">
        <QueryError error={products.error} onRetry={products.refetch} />
      </div>
    )
  }
  if (!product || !me) {
    return (
      <div className="container page-narrow empty-state">
        <h1>{t('checkout.notFoundTitle')}</h1>
        <p className="lead">{t('checkout.productNotFound')}</p>
        <Link className="btn btn--primary" to="/prijzen">
          {t('checkout.toPricing')}
        </Link>
      </div>
    )
  }
  return <CheckoutForm product={product} me={me} lastBilling={lastBilling.data ?? null} />
}
