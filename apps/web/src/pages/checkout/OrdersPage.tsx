import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Loading } from '../../components/Loading.tsx'
import { QueryError } from '../../components/QueryError.tsx'
import { formatDateTime, formatMoney } from '../../lib/format.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { InvoiceLinks } from './InvoiceLinks.tsx'
import { orderReference } from './orderReference.ts'
import { OrderStatusBadge } from './OrderStatusBadge.tsx'
import type { Order } from './types.ts'

/** /account/bestellingen — the member's orders, newest first, with invoices and credit notes. */
export function OrdersPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('orders.title'))
  const trpc = useTRPC()
  const orders = useQuery(trpc.checkout.myOrders.queryOptions())

  let body
  if (orders.isPending) {
    body = <Loading />
  } else if (orders.isError) {
    body = <QueryError error={orders.error} onRetry={orders.refetch} />
  } else if (orders.data.length === 0) {
    body = (
      <div className="empty-state empty-state--small">
        <h2>{t('orders.emptyTitle')}</h2>
        <p className="muted">{t('orders.emptyText')}</p>
        <Link className="btn btn--primary" to="/prijzen">
          {t('orders.toPricing')}
        </Link>
      </div>
    )
  } else {
    body = (
      <ul className="order-cards">
        {orders.data.map((order) => (
          <li key={order.id}>
            <OrderCard order={order} />
          </li>
        ))}
      </ul>
    )
  }

  return (
    <div className="container orders">
      <p className="admin-back">
        <Link to="/account">{t('orders.backToAccount')}</Link>
      </p>
      <header className="page-head">
        <p className="eyebrow">{t('account.eyebrow')}</p>
        <h1>{t('orders.title')}</h1>
        <p className="muted">{t('orders.intro')}</p>
      </header>
      {body}
    </div>
  )
}

function OrderCard({ order }: { order: Order }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const titleId = `order-${order.id}`
  const names = order.lines.map((line) => line.description).join(', ')
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
