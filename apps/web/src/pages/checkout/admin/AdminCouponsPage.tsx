import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ActionStatus } from '../../../components/ActionStatus.tsx'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { Button } from '../../../components/Button.tsx'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { QueryError } from '../../../components/QueryError.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { formatMoney } from '@jouwbot/shared/money'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { useRowAction } from '../../../lib/useRowAction.ts'
import type { AdminCoupon, AdminProduct } from '../types.ts'
import { NewCouponForm } from './NewCouponForm.tsx'

/** /admin/kortingscodes — every coupon with its use, a form for a new one, and switching them on or off. */
export function AdminCouponsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.coupons.title'))
  const trpc = useTRPC()
  const products = useQuery(trpc.admin.checkout.products.queryOptions())

  return (
    <div className="container admin-page">
      <PageHeader eyebrow={t('admin.eyebrow')} title={t('admin.coupons.title')} intro={t('admin.coupons.intro')} />
      <div className="admin-page__sections">
        <CouponList products={products.data ?? []} />
        {products.isError ? <QueryError error={products.error} onRetry={products.refetch} /> : null}
        {products.data ? <NewCouponForm products={products.data} /> : null}
      </div>
    </div>
  )
}

function CouponList({ products }: { products: AdminProduct[] }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const coupons = useQuery(trpc.admin.checkout.coupons.queryOptions())
  const action = useRowAction()
  const setActive = useMutation(trpc.admin.checkout.setCouponActive.mutationOptions())
  const slugOf = (id: string) => products.find((product) => product.id === id)?.slug ?? id

  function toggle(coupon: AdminCoupon): Promise<void> {
    return action.run(coupon.id, async () => {
      const updated = await setActive.mutateAsync({ couponId: coupon.id, active: !coupon.active })
      await queryClient.invalidateQueries(trpc.admin.checkout.coupons.queryFilter())
      return t(updated.active ? 'admin.coupons.activated' : 'admin.coupons.deactivated', { code: updated.code })
    })
  }

  const columns: Column<AdminCoupon>[] = [
    {
      header: t('admin.coupons.value'),
      cell: (coupon) =>
        coupon.kind === 'percent'
          ? t('admin.coupons.percentValue', { percent: coupon.percentOff })
          : formatMoney(coupon.amountOffCents ?? 0, locale),
    },
    {
      header: t('admin.coupons.window'),
      cell: (coupon) =>
        coupon.validFrom || coupon.validUntil
          ? t('admin.coupons.windowValue', {
              from: coupon.validFrom ? formatDateTime(coupon.validFrom, locale) : '…',
              until: coupon.validUntil ? formatDateTime(coupon.validUntil, locale) : '…',
            })
          : t('admin.coupons.always'),
    },
    {
      header: t('admin.coupons.used'),
      cell: (coupon) =>
        coupon.maxRedemptions === null
          ? coupon.redemptionCount
          : t('admin.coupons.usedOf', { used: coupon.redemptionCount, max: coupon.maxRedemptions }),
    },
    {
      header: t('admin.coupons.products'),
      cell: (coupon) => (coupon.productIds.length === 0 ? t('admin.coupons.allProducts') : coupon.productIds.map(slugOf).join(', ')),
    },
    {
      header: t('admin.coupons.state'),
      cell: (coupon) => (
        <span className={coupon.active ? 'badge badge--success' : 'badge badge--muted'}>
          {coupon.active ? t('admin.coupons.active') : t('admin.coupons.inactive')}
        </span>
      ),
    },
    {
      header: t('admin.members.actions'),
      hideHeader: true,
      className: 'members-table__action',
      cell: (coupon) => (
        <Button
          variant="secondary"
          pending={action.pendingId === coupon.id}
          disabled={action.pendingId !== null}
          onClick={() => void toggle(coupon)}
        >
          {coupon.active ? t('admin.coupons.deactivate') : t('admin.coupons.activate')}
          <span className="visually-hidden"> {coupon.code}</span>
        </Button>
      ),
    },
  ]

  return (
    <AdminSection title={t('admin.coupons.listTitle')}>
      <ActionStatus action={action} />
      <QueryState query={coupons} empty={<p className="muted">{t('admin.coupons.empty')}</p>}>
        {(rows) => (
          <DataTable
            className="admin-coupons-table"
            caption={t('admin.coupons.listTitle')}
            rowKey={(coupon) => coupon.id}
            rowHeader={{ header: t('admin.coupons.code'), className: 'admin-facts__key', cell: (coupon) => coupon.code }}
            columns={columns}
            rows={rows}
          />
        )}
      </QueryState>
    </AdminSection>
  )
}
