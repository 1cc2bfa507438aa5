import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { Loading } from '../../../components/Loading.tsx'
import { QueryError } from '../../../components/QueryError.tsx'
import { describeError, type ErrorDetails } from '../../../lib/errors.ts'
import { formatDateTime, formatMoney } from '../../../lib/format.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../lib/useLocale.ts'
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
      <header className="page-head">
        <p className="eyebrow">{t('admin.eyebrow')}</p>
        <h1>{t('admin.coupons.title')}</h1>
        <p className="muted">{t('admin.coupons.intro')}</p>
      </header>
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
  const titleId = useId()
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<ErrorDetails | null>(null)
  const [pendingId, setPendingId] = useState<string | null>(null)
  const setActive = useMutation(trpc.admin.checkout.setCouponActive.mutationOptions())
  const slugOf = (id: string) => products.find((product) => product.id === id)?.slug ?? id

  async function toggle(coupon: AdminCoupon): Promise<void> {
    setPendingId(coupon.id)
    setStatus(null)
    setError(null)
    try {
      const updated = await setActive.mutateAsync({ couponId: coupon.id, active: !coupon.active })
      await queryClient.invalidateQueries(trpc.admin.checkout.coupons.queryFilter())
      setStatus(t(updated.active ? 'admin.coupons.activated' : 'admin.coupons.deactivated', { code: updated.code }))
    } catch (caught) {
      setError(describeError(caught))
    } finally {
      setPendingId(null)
    }
  }

  const rows = coupons.data ?? []
  return (
    <section className="card admin-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="admin-section__title">
        {t('admin.coupons.listTitle')}
      </h2>
      <FormAlert error={error} />
      <p className="form__status" role="status">
        {status}
      </p>
      {coupons.isPending ? <Loading /> : null}
      {coupons.isError ? <QueryError error={coupons.error} onRetry={coupons.refetch} /> : null}
      {coupons.isSuccess && rows.length === 0 ? <p className="muted">{t('admin.coupons.empty')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table admin-coupons-table">
            <caption className="visually-hidden">{t('admin.coupons.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.coupons.code')}</th>
                <th scope="col">{t('admin.coupons.value')}</th>
                <th scope="col">{t('admin.coupons.window')}</th>
                <th scope="col">{t('admin.coupons.used')}</th>
                <th scope="col">{t('admin.coupons.products')}</th>
                <th scope="col">{t('admin.coupons.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.members.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((coupon) => (
                <tr key={coupon.id}>
                  <th scope="row" className="admin-facts__key">
                    {coupon.code}
                  </th>
                  <td data-label={t('admin.coupons.value')}>
                    {coupon.kind === 'percent'
                      ? t('admin.coupons.percentValue', { percent: coupon.percentOff })
                      : formatMoney(coupon.amountOffCents ?? 0, locale)}
                  </td>
                  <td data-label={t('admin.coupons.window')}>
                    {coupon.validFrom || coupon.validUntil
                      ? t('admin.coupons.windowValue', {
                          from: coupon.validFrom ? formatDateTime(coupon.validFrom, locale) : '…',
                          until: coupon.validUntil ? formatDateTime(coupon.validUntil, locale) : '…',
                        })
                      : t('admin.coupons.always')}
                  </td>
                  <td data-label={t('admin.coupons.used')}>
                    {coupon.maxRedemptions === null
                      ? coupon.redemptionCount
                      : t('admin.coupons.usedOf', { used: coupon.redemptionCount, max: coupon.maxRedemptions })}
                  </td>
                  <td data-label={t('admin.coupons.products')}>
                    {coupon.productIds.length === 0 ? t('admin.coupons.allProducts') : coupon.productIds.map(slugOf).join(', ')}
                  </td>
                  <td data-label={t('admin.coupons.state')}>
                    <span className={coupon.active ? 'badge badge--success' : 'badge badge--muted'}>
                      {coupon.active ? t('admin.coupons.active') : t('admin.coupons.inactive')}
                    </span>
                  </td>
                  <td className="members-table__action">
                    <Button
                      variant="secondary"
                      pending={pendingId === coupon.id}
                      disabled={pendingId !== null}
                      onClick={() => void toggle(coupon)}
                    >
                      {coupon.active ? t('admin.coupons.deactivate') : t('admin.coupons.activate')}
                      <span className="visually-hidden"> {coupon.code}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}

