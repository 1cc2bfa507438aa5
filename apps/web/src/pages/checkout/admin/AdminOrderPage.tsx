import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { Loading } from '../../../components/Loading.tsx'
import { QueryError } from '../../../components/QueryError.tsx'
import { errorKeyOf } from '../../../lib/errors.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { formatMoney } from '@jouwbot/shared/money'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { countryName } from '../countries.ts'
import { InvoiceLinks } from '../InvoiceLinks.tsx'
import { OrderLines } from '../OrderLines.tsx'
import { orderReference } from '../orderReference.ts'
import { OrderStatusBadge } from '../OrderStatusBadge.tsx'
import type { AdminOrder } from '../types.ts'
import { isUuid } from '@jouwbot/shared'
import { RefundForm } from './RefundForm.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import '../checkout.css'
import '../../../components/DataTable.css'


/** /admin/bestellingen/:orderId — one order with its buyer, payments, refunds and documents; refunds start here. */
export function AdminOrderPage() {
  const { t } = useTranslation()
  const { orderId = '' } = useParams()
  const trpc = useTRPC()
  const valid = isUuid(orderId)
  // Every read is audit-logged on the server: no refetching on window focus.
  const order = useQuery({ ...trpc.admin.checkout.order.queryOptions({ orderId }), enabled: valid, refetchOnWindowFocus: false })
  useDocumentTitle(t('admin.order.title', { reference: orderReference(orderId) }))

  let body
  if (!valid || (order.isError && errorKeyOf(order.error) === 'checkout.orderNotFound')) {
    body = <p className="empty-state--small">{t('checkout.orderNotFound')}</p>
  } else if (order.isPending) {
    body = <Loading />
  } else if (order.isError && !order.data) {
    body = <QueryError error={order.error} onRetry={order.refetch} />
  } else {
    body = <OrderDetails order={order.data} />
  }

  return (
    <div className="container admin-page">
      <p className="admin-back">
        <Link to="/admin/bestellingen">{t('admin.order.back')}</Link>
      </p>
      <PageHeader
        eyebrow={t('admin.eyebrow')}
        title={
          <>
            {t('admin.order.title', { reference: orderReference(orderId) })}{' '}
            {order.data ? <OrderStatusBadge status={order.data.status} /> : null}
          </>
        }
      />
      {body}
    </div>
  )
}

function OrderDetails({ order }: { order: AdminOrder }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const remaining = order.totalCents - order.refundedCents - order.chargedBackCents

  return (
    <div className="admin-page__sections admin-order">
      <AdminSection title={t('admin.order.buyerTitle')}>
        <dl className="admin-facts">
          <div>
            <dt>{t('checkout.name')}</dt>
            <dd>{order.billing.name}</dd>
          </div>
          <div>
            <dt>{t('fields.email')}</dt>
            <dd>{order.buyerEmail}</dd>
          </div>
          {order.billing.company ? (
            <div>
              <dt>{t('checkout.company')}</dt>
              <dd>{order.billing.company}</dd>
            </div>
          ) : null}
          {order.vatNumber ? (
            <div>
              <dt>{t('checkout.vatNumber')}</dt>
              <dd className="admin-facts__key">
                {order.vatNumber}
                {order.vatCheck ? (
                  <>
                    {' '}
                    <span className="muted">
                      ({t(`admin.order.vatCheck.${order.vatCheck.status}`)}, {order.vatCheck.source.toUpperCase()})
                    </span>
                  </>
                ) : null}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('admin.order.address')}</dt>
            <dd>
              {order.billing.addressLine}
              <br />
              {order.billing.postalCode} {order.billing.city}
              <br />
              {countryName(order.billing.country, locale)}
            </dd>
          </div>
        </dl>
      </AdminSection>

      <AdminSection title={t('order.detailsTitle')}>
        <dl className="admin-facts">
          <div>
            <dt>{t('orders.date')}</dt>
            <dd>{formatDateTime(order.createdAt, locale)}</dd>
          </div>
          {order.paidAt ? (
            <div>
              <dt>{t('admin.order.paidAt')}</dt>
              <dd>{formatDateTime(order.paidAt, locale)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('admin.order.id')}</dt>
            <dd className="admin-facts__key">{order.id}</dd>
          </div>
        </dl>
        <OrderLines order={order} />
      </AdminSection>

      <AdminSection title={t('admin.order.paymentsTitle')}>
        {order.payments.length === 0 ? (
          <p className="muted">{t('admin.order.noPayments')}</p>
        ) : (
          <AmountTable caption={t('admin.order.paymentsTitle')} columns={[t('admin.order.paymentId'), t('orders.date'), t('admin.orders.status')]}>
            {order.payments.map((payment) => (
              <tr key={payment.id}>
                <th scope="row" className="admin-facts__key">
                  {payment.id}
                </th>
                <td>{formatDateTime(payment.createdAt, locale)}</td>
                <td>
                  {t(`admin.order.paymentStatus.${payment.status}`)}
                  {payment.mismatch ? (
                    <>
                      {' '}
                      <span className="badge badge--danger">{t('admin.order.mismatch')}</span>
                    </>
                  ) : null}
                </td>
                <td className="table__amount">{formatMoney(payment.amountCents, locale)}</td>
              </tr>
            ))}
          </AmountTable>
        )}
      </AdminSection>

      <AdminSection title={t('admin.order.refundsTitle')}>
        {order.refunds.length === 0 ? (
          <p className="muted">{t('admin.order.noRefunds')}</p>
        ) : (
          <AmountTable caption={t('admin.order.refundsTitle')} columns={[t('orders.date'), t('admin.order.reason'), t('admin.orders.status')]}>
            {order.refunds.map((refund) => (
              <tr key={refund.id}>
                <th scope="row">{formatDateTime(refund.createdAt, locale)}</th>
                <td>{refund.kind === 'duplicate_payment' ? t('admin.order.duplicatePaymentRefund') : refund.reason}</td>
                <td>{t(`admin.order.refundStatus.${refund.status}`)}</td>
                <td className="table__amount">{formatMoney(refund.amountCents, locale)}</td>
              </tr>
            ))}
          </AmountTable>
        )}
        {order.status === 'paid' && remaining > 0 ? (
          <RefundForm order={order} remainingCents={remaining} />
        ) : (
          <p className="muted">{order.status === 'paid' ? t('admin.refund.nothingLeft') : t('admin.refund.notPaid')}</p>
        )}
      </AdminSection>

      <AdminSection title={t('order.documentsTitle')}>
        {order.invoices.length === 0 ? <p className="muted">{t('admin.order.noDocuments')}</p> : <InvoiceLinks invoices={order.invoices} />}
      </AdminSection>
    </div>
  )
}

/** A table whose rows end in an amount (payments, refunds); the caption is for screen readers. */
function AmountTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    // Scrolls sideways on a phone: a keyboard stop, named after the table (axe: scrollable-region-focusable).
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col" className="table__amount">
              {t('admin.order.amount')}
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
