import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocale } from '../../lib/useLocale.ts'
import { formatDecimal, formatMoney } from '@jouwbot/shared/money'
import { ProductIncludes } from './ProductIncludes.tsx'
import type { CouponPreview, Product } from './types.ts'

/** The coupon the buyer applied, as the server priced it (checkout.previewCoupon). */
export type AppliedCoupon = Pick<CouponPreview, 'code' | 'discountCents' | 'totalCents'>

/** What is being bought and what it costs, with the coupon the buyer applied (the server prices it again). */
export function OrderSummary({ product, coupon }: { product: Product; coupon: AppliedCoupon | null }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const titleId = useId()
  const total = coupon ? coupon.totalCents : product.priceCents
  return (
    <aside className="card checkout-summary" aria-labelledby={titleId}>
      <h2 id={titleId} className="checkout-summary__title">
        {t('checkout.summaryTitle')}
      </h2>
      <p className="checkout-summary__product">{product.name}</p>
      {product.description ? <p className="muted">{product.description}</p> : null}
      <ProductIncludes product={product} />
      <dl className="checkout-summary__rows">
        <div>
          <dt>{t('checkout.price')}</dt>
          <dd>{formatMoney(product.priceCents, locale)}</dd>
        </div>
        {coupon ? (
          <div>
            <dt>{t('checkout.discount', { code: coupon.code })}</dt>
            <dd>−{formatMoney(coupon.discountCents, locale)}</dd>
          </div>
        ) : null}
        <div className="checkout-summary__total">
          <dt>{t('checkout.total')}</dt>
          <dd>{formatMoney(total, locale)}</dd>
        </div>
      </dl>
      <p className="muted checkout-summary__vat">{t('checkout.inclVat', { rate: formatDecimal(product.vatRateBasisPoints / 100, locale) })}</p>
    </aside>
  )
}
