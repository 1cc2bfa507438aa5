import { ORDER_STATUSES } from '@jouwbot/shared'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Button } from '../../../components/Button.tsx'
import { Loading } from '../../../components/Loading.tsx'
import { QueryError } from '../../../components/QueryError.tsx'
import { SelectField } from '../../../components/SelectField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { formatDateTime, formatMoney } from '../../../lib/format.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { orderReference } from '../orderReference.ts'
import { OrderStatusBadge } from '../OrderStatusBadge.tsx'
import type { OrderStatus } from '../types.ts'

const PAGE_SIZE = 25

/** /admin/bestellingen — every order, newest first, filtered by status and searched by e-mail or order id. */
export function AdminOrdersPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.orders.title'))
  const locale = useLocale()
  const trpc = useTRPC()
  const listId = useId()
  const [status, setStatus] = useState<OrderStatus | ''>('')
  const [searchInput, setSearchInput] = useState('')
  const [search, setSearch] = useState('')

  const filters = { status: status || undefined, search: search || undefined }
  // Every read is audit-logged on the server: no refetching on window focus.
  const orders = useInfiniteQuery(
    trpc.admin.checkout.orders.infiniteQueryOptions(
      { ...filters, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchOnWindowFocus: false },
    ),
  )
  const rows = orders.data?.pages.flatMap((page) => page.orders) ?? []

  return (
    <div className="container admin-page">
      <header className="page-head">
        <p className="eyebrow">{t('admin.eyebrow')}</p>
        <h1>{t('admin.orders.title')}</h1>
        <p className="muted">{t('admin.orders.intro')}</p>
      </header>
      <section className="card admin-section" aria-labelledby={listId}>
        <h2 id={listId} className="admin-section__title">
          {t('admin.orders.listTitle')}
        </h2>
        <form
          role="search"
          className="admin-filters"
          onSubmit={(event) => {
            event.preventDefault()
            setSearch(searchInput.trim())
          }}
        >
          <SelectField
            label={t('admin.orders.status')}
            value={status}
            onChange={(event) => setStatus(event.target.value as OrderStatus | '')}
            options={[
              { value: '', label: t('admin.orders.allStatuses') },
              ...ORDER_STATUSES.map((value) => ({ value, label: t(`orders.status.${value}`) })),
            ]}
          />
          <TextField
            label={t('admin.orders.search')}
            hint={t('admin.orders.searchHint')}
            type="search"
            value={searchInput}
            maxLength={100}
            onChange={(event) => setSearchInput(event.target.value)}
          />
          <div className="admin-filters__actions">
            <Button type="submit" variant="secondary">
              {t('admin.orders.searchSubmit')}
            </Button>
          </div>
        </form>
        {orders.isPending ? <Loading /> : null}
        {orders.isError && !orders.data ? <QueryError error={orders.error} onRetry={orders.refetch} /> : null}
        {orders.isSuccess && rows.length === 0 ? <p className="muted">{t('admin.orders.empty')}</p> : null}
        {rows.length > 0 ? (
          <div className="table-wrap">
            <table className="table admin-orders-table">
              <caption className="visually-hidden">{t('admin.orders.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('orders.reference')}</th>
                  <th scope="col">{t('orders.date')}</th>
                  <th scope="col">{t('admin.orders.buyer')}</th>
                  <th scope="col">{t('admin.orders.products')}</th>
                  <th scope="col">{t('admin.orders.status')}</th>
                  <th scope="col" className="table__amount">
                    {t('orders.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((order) => (
                  <tr key={order.id}>
                    <th scope="row">
                      <Link to={`/admin/bestellingen/${order.id}`} className="order-card__reference">
                        {orderReference(order.id)}
                      </Link>
                    </th>
                    <td data-label={t('orders.date')}>
                      <time dateTime={order.createdAt.toISOString()}>{formatDateTime(order.createdAt, locale)}</time>
                    </td>
                    <td data-label={t('admin.orders.buyer')} className="admin-orders-table__buyer">
                      {order.buyerName}
                      <br />
                      <span className="muted">{order.buyerEmail}</span>
                    </td>
                    <td data-label={t('admin.orders.products')}>{order.lines.map((line) => line.description).join(', ')}</td>
                    <td data-label={t('admin.orders.status')}>
                      <OrderStatusBadge status={order.status} />
                    </td>
                    <td data-label={t('orders.total')} className="table__amount">
                      {formatMoney(order.totalCents, locale)}
                      {order.refundedCents > 0 ? (
                        <>
                          <br />
                          <span className="muted">{t('admin.orders.refundedShort', { amount: formatMoney(order.refundedCents, locale) })}</span>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <p className="muted" role="status">
          {rows.length > 0 ? t('admin.orders.shown', { count: rows.length }) : null}
        </p>
        {orders.isFetchNextPageError ? <QueryError error={orders.error} onRetry={orders.fetchNextPage} /> : null}
        {orders.hasNextPage ? (
          <div>
            <Button
              variant="secondary"
              pending={orders.isFetchingNextPage}
              pendingLabel={t('common.loading')}
              onClick={() => void orders.fetchNextPage()}
            >
              {t('admin.orders.loadMore')}
            </Button>
          </div>
        ) : null}
      </section>
    </div>
  )
}
