import { useTranslation } from 'react-i18next'
import type { Product } from './types.ts'

/** "Full course" and "N coaching sessions", as a checklist. */
export function ProductIncludes({ product }: { product: Pick<Product, 'includesCourse' | 'coachingCredits'> }) {
  const { t } = useTranslation()
  if (!product.includesCourse && product.coachingCredits === 0) return null
  return (
    <ul className="checklist">
      {product.includesCourse ? <li>{t('pricing.includesCourse')}</li> : null}
      {product.coachingCredits > 0 ? <li>{t('pricing.includesCoaching', { count: product.coachingCredits })}</li> : null}
    </ul>
  )
}
