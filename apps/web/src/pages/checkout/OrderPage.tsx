import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { FocusHeading } from '../../components/FocusHeading.tsx'
import { Loading } from '../../components/Loading.tsx'
import { QueryError } from '../../components/QueryError.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { errorKeyOf } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { knownErrorKey } from './errors.ts'
import { lineName } from './lineName.ts'
import { InvoiceLinks } from './InvoiceLinks.tsx'
import { OrderLines } from './OrderLines.tsx'
import { orderReference } from './orderReference.ts'
import { OrderStatusBadge } from './OrderStatusBadge.tsx'
import { RetryPaymentForm } from './RetryPaymentForm.tsx'
import { isUuid } from '@jouwbot/shared'
import { isProcessing, type Order, type OrderStatus } from './types.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import './checkout.css'

/** Every 2 s while Mollie is busy; once the order is a minute old (a slow bank) every 10 s. */
const POLL_MS = 2_000
const SLOW_POLL_MS = 10_000
const SLOW_AFTER_MS = 60_000

/**
 * /bestelling/:orderId — where Mollie sends the buyer back. The status comes from the server (the
 * webhook, or the server asking Mollie), never from the URL; while it is open the page keeps asking.
 */
export function OrderPage() {
  const { t } = useTranslation()
  const { orderId = '' } = useParams()
  const [params] = useSearchParams()
  const trpc = useTRPC()
  const valid = isUuid(orderId)
  const order = useQuery({
    ...trpc.checkout.order.queryOptions({ orderId }),
    enabled: valid,
    staleTime: 0,
    // The invoice is issued in the paying transaction, so a final status is the end of the story.
    // A failing poll (e.g. the session expired) stops polling and shows the error below.
    refetchInterval: (query) => {
      const data = query.state.data
      if (!data || query.state.status === 'error' || !isProcessing(data.status)) return false
      return Date.now() - new Date(data.createdAt).getTime() > SLOW_AFTER_MS ? SLOW_POLL_MS : POLL_MS
    },
  })
  useDocumentTitle(t('order.title'))

  const notFound = !valid || (order.isError && errorKeyOf(order.error) === 'checkout.orderNotFound')
  if (notFound) {
    return (
      <div className="container page-narrow empty-state">
        <h1>{t('order.notFoundTitle')}</h1>
        <p className="lead">{t('checkout.orderNotFound')}</p>
        <Link className="btn btn--primary" to="/account/bestellingen">
          {t('order.allOrders')}
        </Link>
      </div>
    )
  }
  if (order.isPending) return <Loading />
  if (order.isError) {
    return (
      <div className="container page-narrow">
        <QueryError error={order.error} onRetry={order.refetch} />
      </div>
    )
  }
  return <OrderView order={order.data} errorKey={knownErrorKey(params.get('fout'))} />
}

function OrderView({ order, errorKey }: { order: Order; errorKey: string | null }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const processing = isProcessing(order.status)
  // Focus moves to the outcome only when it arrives while the buyer is waiting on this page.
  const [sawProcessing, setSawProcessing] = useState(processing)
  if (processing && !sawProcessing) setSawProcessing(true)

  useEffect(() => {
    if (order.status !== 'paid') return
    // Access to the course changed: outlines and lessons cached before the payment are out of date.
    void queryClient.invalidateQueries(trpc.course.pathFilter())
    void queryClient.invalidateQueries(trpc.lesson.pathFilter())
    void queryClient.invalidateQueries(trpc.checkout.myOrders.queryFilter())
  }, [order.status, queryClient, trpc])

  // The "pay again" route sends the buyer here with `?fout=` when it could not start a payment;
  // "already paid" needs no alarm when the page shows the payment anyway.
  const shownError = errorKey === 'checkout.alreadyPaid' && order.status === 'paid' ? null : errorKey
  const courses = order.lines.flatMap((line) => (line.courseSlug ? [line] : []))
  const credits = order.lines.reduce((sum, line) => sum + line.coachingCredits, 0)
  const Heading = sawProcessing && !processing ? FocusHeading : PlainHeading
  let statusLine
  if (processing) statusLine = t('order.processingTitle')
  else if (order.status === 'paid') statusLine = order.paidAt ? t('order.paidAt', { date: formatDateTime(order.paidAt, locale) }) : t('order.paidText')
  else statusLine = t(`order.${order.status}Text`)

  return (
    <div className="container page-narrow order-page">
      <PageHeader
        eyebrow={t('order.eyebrow', { reference: orderReference(order.id) })}
        title={t('order.title')}
        intro={
          <>
            {t('order.placedAt', { date: formatDateTime(order.createdAt, locale) })} · <OrderStatusBadge status={order.status} />
          </>
        }
      />
      {shownError ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__message">{t(shownError)}</p>
        </div>
      ) : null}

      {/* Only the short status line is live: screen readers hear "processing" turn into "paid" once,
          and the outcome's heading stays an ordinary heading (it takes focus when it arrives). */}
      <div className={`order-status__card order-status__card--${cardTone(order.status)}`}>
        {processing ? <Spinner /> : <Heading>{t(`order.${order.status}Title`)}</Heading>}
        <div>
          <p className={processing ? 'order-status__title' : undefined} role="status">
            {statusLine}
          </p>
          {processing ? <p className="muted">{t('order.processingText')}</p> : null}
        </div>
      </div>

      {order.status === 'paid' ? (
        <section className="order-next">
          {courses.length > 0 ? (
            <div className="button-row">
              {courses.map((line) => (
                <Link key={line.courseSlug} className="btn btn--primary" to={`/cursus/${line.courseSlug}`}>
                  {t('order.toCourse')}
                  <span className="visually-hidden">: {lineName(line, locale)}</span>
                </Link>
              ))}
            </div>
          ) : null}
          {credits > 0 ? (
            <p>
              <Trans i18nKey="order.coachingCredits" count={credits} components={{ account: <Link to="/coaching" /> }} />
            </p>
          ) : null}
        </section>
      ) : null}

      {order.canRetry ? (
        <section className="order-retry">
          <p>{t('order.retryText')}</p>
          <div className="button-row">
            <RetryPaymentForm orderId={order.id} />
            <Link className="btn btn--ghost" to="/prijzen">
              {t('order.backToPricing')}
            </Link>
          </div>
        </section>
      ) : null}

      <section className="card order-details" aria-labelledby="order-details-title">
        <h2 id="order-details-title" className="order-details__title">
          {t('order.detailsTitle')}
        </h2>
        <OrderLines order={order} />
        {order.invoices.length > 0 ? (
          <>
            <h3 className="order-details__subtitle">{t('order.documentsTitle')}</h3>
            <InvoiceLinks invoices={order.invoices} />
          </>
        ) : order.status === 'paid' ? (
          <p className="muted">{t('order.invoiceSoon')}</p>
        ) : null}
      </section>

      <p>
        <Link to="/account/bestellingen">{t('order.allOrders')}</Link>
      </p>
    </div>
  )
}

/** The status card's colour: waiting, paid, or not paid (failed, canceled, expired). */
function cardTone(status: OrderStatus): 'waiting' | 'paid' | 'failed' {
  if (isProcessing(status)) return 'waiting'
  return status === 'paid' ? 'paid' : 'failed'
}

function PlainHeading({ children }: { children: ReactNode }) {
  return <h2>{children}</h2>
}
