import { ORDER_STATUSES, orderSearchTerm } from '@jouwbot/shared'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Button } from '../../../components/Button.tsx'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { LoadMore } from '../../../components/LoadMore.tsx'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { SelectField } from '../../../components/SelectField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { formatMoney } from '@jouwbot/shared/money'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { lineName } from '../lineName.ts'
import { orderReference } from '../orderReference.ts'
import { OrderStatusBadge } from '../OrderStatusBadge.tsx'
import type { AdminOrderRow, OrderStatus } from '../types.ts'
import '../checkout.css'

const PAGE_SIZE = 25

/** /admin/bestellingen — every order, newest first, filtered by status and searched by e-mail or the start of the order number. */
export function AdminOrdersPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.orders.title'))
  const locale = useLocale()
  const trpc = useTRPC()
  const [status, setStatus] = useState<OrderStatus | ''>('')
  const [searchInput, setSearchInput] = useState('')
  const [search, setSearch] = useState('')
  const [searchError, setSearchError] = useState<string | undefined>()
  const searchField = useRef<HTMLInputElement>(null)

  const filters = { status: status || undefined, search: search || undefined }
  // Every read is audit-logged on the server: no refetching on window focus.
  const orders = useInfiniteQuery(
    trpc.admin.checkout.orders.infiniteQueryOptions(
      { ...filters, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchOnWindowFocus: false },
    ),
  )
  const rows = orders.data?.pages.flatMap((page) => page.orders) ?? []
  const columns: Column<AdminOrderRow>[] = [
    {
      header: t('orders.date'),
      cell: (order) => <time dateTime={order.createdAt.toISOString()}>{formatDateTime(order.createdAt, locale)}</time>,
    },
    {
      header: t('admin.orders.buyer'),
      className: 'admin-orders-table__buyer',
      cell: (order) => (
        <>
          {order.buyerName}
          <br />
          <span className="muted admin-orders-table__email">{order.buyerEmail}</span>
        </>
      ),
    },
    { header: t('admin.orders.products'), cell: (order) => order.lines.map((line) => lineName(line, locale)).join(', ') },
    { header: t('admin.orders.status'), cell: (order) => <OrderStatusBadge status={order.status} /> },
    {
      header: t('orders.total'),
      className: 'table__amount',
      headerClassName: 'table__amount',
      cell: (order) => (
        <>
          {formatMoney(order.totalCents, locale)}
          {order.refundedCents > 0 ? (
            <>
              <br />
              <span className="muted">{t('admin.orders.refundedShort', { amount: formatMoney(order.refundedCents, locale) })}</span>
            </>
          ) : null}
        </>
      ),
    },
  ]

  return (
    <div className="container admin-page">
      <PageHeader eyebrow={t('admin.eyebrow')} title={t('admin.orders.title')} intro={t('admin.orders.intro')} />
      <AdminSection title={t('admin.orders.listTitle')}>
        <form
          role="search"
          className="admin-filters"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            // The server's own rule (at least 3 characters), checked here first to say so next to the field.
            const term = searchInput.trim()
            const parsed = term === '' ? null : orderSearchTerm.safeParse(term)
            if (parsed && !parsed.success) {
              setSearchError(parsed.error.issues[0]!.message)
              searchField.current?.focus()
              return
            }
            setSearchError(undefined)
            setSearch(parsed?.data ?? '')
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
            error={searchError}
            ref={searchField}
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
        <QueryState
          query={orders}
          isEmpty={() => rows.length === 0}
          empty={<p className="muted">{t('admin.orders.empty')}</p>}
        >
          {() => (
            <DataTable
              className="admin-orders-table"
              caption={t('admin.orders.caption')}
              rowKey={(order) => order.id}
              rowHeader={{
                header: t('orders.reference'),
                cell: (order) => (
                  <Link to={`/admin/bestellingen/${order.id}`} className="order-card__reference">
                    {orderReference(order.id)}
                  </Link>
                ),
              }}
              columns={columns}
              rows={rows}
            />
          )}
        </QueryState>
        <LoadMore query={orders} shown={rows.length > 0 ? t('admin.orders.shown', { count: rows.length }) : null} />
      </AdminSection>
    </div>
  )
}
