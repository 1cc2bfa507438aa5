import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../../lib/format.ts'
import { formatMoney } from '@jouwbot/shared/money'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { InvoiceLinks } from './InvoiceLinks.tsx'
import { lineName } from './lineName.ts'
import { orderReference } from './orderReference.ts'
import { OrderStatusBadge } from './OrderStatusBadge.tsx'
import type { Order } from './types.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import './checkout.css'

/** /account/bestellingen — the member's orders, newest first, with invoices and credit notes. */
export function OrdersPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('orders.title'))
  const trpc = useTRPC()
  const orders = useQuery(trpc.checkout.myOrders.queryOptions())

  return (
    <div className="container orders">
      <p className="admin-back">
        <Link to="/account">{t('orders.backToAccount')}</Link>
      </p>
      <PageHeader eyebrow={t('account.eyebrow')} title={t('orders.title')} intro={t('orders.intro')} />
      <QueryState
        query={orders}
        empty={
          <EmptyState title={t('orders.emptyTitle')} text={t('orders.emptyText')} to="/prijzen" action={t('orders.toPricing')} />
        }
      >
        {(list) => (
          <ul className="order-cards">
            {list.map((order) => (
              <li key={order.id}>
                <OrderCard order={order} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  )
}

function OrderCard({ order }: { order: Order }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const titleId = `order-${order.id}`
  const names = order.lines.map((line) => lineName(line, locale)).join(', ')
  return (
    <article className="card order-card" aria-labelledby={titleId}>
      <div className="order-card__head">
        <h2 id={titleId} className="order-card__title">
          {names || t('order.eyebrow', { reference: orderReference(order.id) })}
        </h2>
        <OrderStatusBadge status={order.status} />
      </div>
      <dl className="order-card__facts">
        <div>
          <dt>{t('orders.reference')}</dt>
          <dd className="order-card__reference">{orderReference(order.id)}</dd>
        </div>
        <div>
          <dt>{t('orders.date')}</dt>
          <dd>
            <time dateTime={order.createdAt.toISOString()}>{formatDateTime(order.createdAt, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('orders.total')}</dt>
          <dd>{formatMoney(order.totalCents, locale)}</dd>
        </div>
        {order.refundedCents > 0 ? (
          <div>
            <dt>{t('order.refunded')}</dt>
            <dd>{formatMoney(order.refundedCents, locale)}</dd>
          </div>
        ) : null}
      </dl>
      <InvoiceLinks invoices={order.invoices} />
      <p>
        <Link to={`/bestelling/${order.id}`}>
          {order.canRetry ? t('orders.viewAndRetry') : t('orders.view')}
          <span className="visually-hidden"> {orderReference(order.id)}</span>
        </Link>
      </p>
    </article>
  )
}
