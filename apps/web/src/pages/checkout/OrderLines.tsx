import { useTranslation } from 'react-i18next'
import { useLocale } from '../../lib/useLocale.ts'
import { formatMoney } from '@jouwbot/shared/money'
import { lineName } from './lineName.ts'
import { netPaidCents, totalLabelKey } from './orderTotals.ts'
import type { Order } from './types.ts'

/** The order's lines and totals: list price, coupon discount, VAT (or reverse charge), refunds. */
export function OrderLines({
  order,
}: {
  order: Pick<Order, 'status' | 'lines' | 'totalCents' | 'totalVatCents' | 'discountCents' | 'refundedCents' | 'chargedBackCents' | 'reverseCharge'>
}) {
  const { t } = useTranslation()
  const locale = useLocale()
  const net = netPaidCents(order)
  return (
    <>
      <dl className="order-lines">
        {order.lines.map((line, index) => (
          <div key={index} className="order-lines__line">
            <dt>{lineName(line, locale)}</dt>
            <dd>{formatMoney(line.listPriceCents, locale)}</dd>
          </div>
        ))}
        {order.discountCents > 0 ? (
          <div>
            <dt>{t('order.discount')}</dt>
            <dd>−{formatMoney(order.discountCents, locale)}</dd>
          </div>
        ) : null}
        <div className="order-lines__total">
          <dt>{t(totalLabelKey(order.status))}</dt>
          <dd>{formatMoney(order.totalCents, locale)}</dd>
        </div>
        {order.refundedCents > 0 ? (
          <div className="order-lines__refund">
            <dt>{t('order.refunded')}</dt>
            <dd>−{formatMoney(order.refundedCents, locale)}</dd>
          </div>
        ) : null}
        {order.chargedBackCents > 0 ? (
          <div className="order-lines__refund">
            <dt>{t('order.chargedBack')}</dt>
            <dd>−{formatMoney(order.chargedBackCents, locale)}</dd>
          </div>
        ) : null}
        {net !== null ? (
          <div className="order-lines__total">
            <dt>{t(net === 0 ? 'order.fullyRefunded' : 'order.netPaid')}</dt>
            <dd>{formatMoney(net, locale)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="muted order-lines__vat">
        {order.reverseCharge ? t('order.reverseCharge') : t('order.vatIncluded', { amount: formatMoney(order.totalVatCents, locale) })}
      </p>
    </>
  )
}
