import { centsToValue } from '../gateway.ts'
import type { StoredChargeback, StoredPayment, StoredRefund } from './model.ts'
import { isCancelable } from './status-rules.ts'
import type { EmulatorStore } from './store.ts'

/**
 * The API's view of the stored resources: HAL JSON as Mollie sends it — `resource`, absolute `_links`,
 * amounts as `{ currency, value: '12.50' }`, dates as `2024-03-20T09:13:37+00:00`, optional fields left
 * out rather than null where Mollie leaves them out.
 */
export interface LinkContext {
  /** `https://127.0.0.1:PORT/v2/` — ends with a slash. */
  apiBase: string
  checkoutUrl(paymentId: string): string
  dashboardUrl(paymentId: string): string
}

type Link = { href: string; type: string }
const hal = (href: string): Link => ({ href, type: 'application/hal+json' })
const html = (href: string): Link => ({ href, type: 'text/html' })

const DOCS = {
  payment: 'https://docs.mollie.com/reference/get-payment',
  payments: 'https://docs.mollie.com/reference/list-payments',
  refund: 'https://docs.mollie.com/reference/get-refund',
  refunds: 'https://docs.mollie.com/reference/list-refunds',
  chargeback: 'https://docs.mollie.com/reference/get-chargeback',
  chargebacks: 'https://docs.mollie.com/reference/list-chargebacks',
} as const

export const mollieDate = (iso: string): string => new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+00:00')

const amount = (cents: number, currency: string) => ({ currency, value: centsToValue(cents) })
const negativeAmount = (cents: number, currency: string) => ({ currency, value: `-${centsToValue(cents)}` })

export type PaymentEmbed = 'refunds' | 'chargebacks' | 'captures'

export function paymentResource(store: EmulatorStore, payment: StoredPayment, links: LinkContext, embed: ReadonlySet<PaymentEmbed> = new Set()) {
  const self = `${links.apiBase}payments/${payment.id}`
  const refunds = store.refundsOf(payment.id)
  const chargebacks = store.chargebacksOf(payment.id)
  const remaining = store.amountRemainingCents(payment)
  const chargedBack = store.amountChargedBackCents(payment)
  const canStillExpire = payment.status === 'open' || payment.status === 'pending' || payment.status === 'authorized'

  const body: Record<string, unknown> = {
    resource: 'payment',
    id: payment.id,
    mode: payment.mode,
    createdAt: mollieDate(payment.createdAt),
    amount: amount(payment.amountCents, payment.currency),
    description: payment.description,
    method: payment.method,
    metadata: payment.metadata,
    status: payment.status,
    isCancelable: isCancelable(payment),
    ...(canStillExpire ? { expiresAt: mollieDate(payment.expiresAt) } : {}),
    ...(payment.authorizedAt ? { authorizedAt: mollieDate(payment.authorizedAt) } : {}),
    ...(payment.paidAt ? { paidAt: mollieDate(payment.paidAt) } : {}),
    ...(payment.canceledAt ? { canceledAt: mollieDate(payment.canceledAt) } : {}),
    ...(payment.expiredAt ? { expiredAt: mollieDate(payment.expiredAt) } : {}),
    ...(payment.failedAt ? { failedAt: mollieDate(payment.failedAt) } : {}),
    ...(remaining === null
      ? {}
      : {
          amountRefunded: amount(store.amountRefundedCents(payment), payment.currency),
          amountRemaining: amount(remaining, payment.currency),
        }),
    ...(chargedBack > 0 ? { amountChargedBack: amount(chargedBack, payment.currency) } : {}),
    ...(payment.locale ? { locale: payment.locale } : {}),
    profileId: payment.profileId,
    sequenceType: 'oneoff',
    redirectUrl: payment.redirectUrl,
    ...(payment.cancelUrl ? { cancelUrl: payment.cancelUrl } : {}),
    ...(payment.webhookUrl ? { webhookUrl: payment.webhookUrl } : {}),
  }

  if (embed.size > 0) {
    const embedded: Record<string, unknown> = {}
    if (embed.has('refunds')) embedded.refunds = refunds.map((r) => refundResource(r, links))
    if (embed.has('chargebacks')) embedded.chargebacks = chargebacks.map((c) => chargebackResource(c, links))
    if (embed.has('captures')) embedded.captures = []
    body._embedded = embedded
  }

  body._links = {
    self: hal(self),
    ...(payment.status === 'open' ? { checkout: html(links.checkoutUrl(payment.id)) } : {}),
    dashboard: html(links.dashboardUrl(payment.id)),
    ...(refunds.length > 0 ? { refunds: hal(`${self}/refunds`) } : {}),
    ...(chargebacks.length > 0 ? { chargebacks: hal(`${self}/chargebacks`) } : {}),
    documentation: html(DOCS.payment),
  }
  return body
}

export function refundResource(refund: StoredRefund, links: LinkContext) {
  const payment = `${links.apiBase}payments/${refund.paymentId}`
  return {
    resource: 'refund',
    id: refund.id,
    mode: refund.mode,
    amount: amount(refund.amountCents, refund.currency),
    ...(refund.status === 'refunded' ? { settlementAmount: negativeAmount(refund.amountCents, refund.currency) } : {}),
    status: refund.status,
    createdAt: mollieDate(refund.createdAt),
    description: refund.description,
    metadata: refund.metadata,
    paymentId: refund.paymentId,
    _links: {
      self: hal(`${payment}/refunds/${refund.id}`),
      payment: hal(payment),
      documentation: html(DOCS.refund),
    },
  }
}

export function chargebackResource(chargeback: StoredChargeback, links: LinkContext) {
  const payment = `${links.apiBase}payments/${chargeback.paymentId}`
  return {
    resource: 'chargeback',
    id: chargeback.id,
    amount: amount(chargeback.amountCents, chargeback.currency),
    settlementAmount: negativeAmount(chargeback.amountCents, chargeback.currency),
    createdAt: mollieDate(chargeback.createdAt),
    reason: { code: chargeback.reasonCode, description: chargeback.reasonDescription },
    reversedAt: chargeback.reversedAt === null ? null : mollieDate(chargeback.reversedAt),
    paymentId: chargeback.paymentId,
    _links: {
      self: hal(`${payment}/chargebacks/${chargeback.id}`),
      payment: hal(payment),
      documentation: html(DOCS.chargeback),
    },
  }
}

export interface ListPage<T> {
  items: T[]
  /** The query (besides `from`) to repeat in the links, e.g. `limit` and `sort`. */
  query: Record<string, string>
  from: string | undefined
  previousFrom: string | null
  nextFrom: string | null
}

/** A list response: `count`, `_embedded[name]`, `_links.self/previous/next/documentation` (null when absent). */
export function listResource(name: 'payments' | 'refunds' | 'chargebacks', url: string, page: ListPage<unknown>) {
  const link = (from: string | undefined) => {
    const search = new URLSearchParams({ ...(from === undefined ? {} : { from }), ...page.query }).toString()
    return hal(search ? `${url}?${search}` : url)
  }
  return {
    count: page.items.length,
    _embedded: { [name]: page.items },
    _links: {
      self: link(page.from),
      previous: page.previousFrom === null ? null : link(page.previousFrom),
      next: page.nextFrom === null ? null : link(page.nextFrom),
      documentation: html(DOCS[name]),
    },
  }
}
