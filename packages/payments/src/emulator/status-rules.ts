import type { PaymentStatus, RefundStatus } from '../gateway.ts'
import { EmulatorStateError } from './errors.ts'
import type { StoredPayment, StoredRefund } from './model.ts'

/**
 * Which status may follow which. paid, canceled, expired and failed are final: refunds and chargebacks
 * change the amounts of a paid payment, never its status.
 */
export const NEXT_PAYMENT_STATUS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  open: ['pending', 'authorized', 'paid', 'canceled', 'expired', 'failed'],
  pending: ['paid', 'canceled', 'expired', 'failed'],
  authorized: ['paid', 'canceled', 'expired', 'failed'],
  paid: [],
  canceled: [],
  expired: [],
  failed: [],
}

/**
 * Mollie's refund lifecycle (docs.mollie.com/payments/refunds, "Refund statuses"): a refund is
 * `queued` for lack of balance and then "automatically transitions to the next status", `pending`
 * ("ready to be sent to the bank"; both can still be canceled), `processing` ("Cancelation is no
 * longer possible"), and then `refunded` ("completed") or `failed` ("failed after processing").
 * refunded, failed and canceled are final: nothing in the documentation moves a refund on from them.
 */
export const NEXT_REFUND_STATUS: Record<RefundStatus, readonly RefundStatus[]> = {
  queued: ['pending', 'canceled'],
  pending: ['processing', 'canceled'],
  processing: ['refunded', 'failed'],
  refunded: [],
  failed: [],
  canceled: [],
}

export const REFUND_STATUSES = Object.keys(NEXT_REFUND_STATUS) as RefundStatus[]

export const isFinalRefundStatus = (status: RefundStatus): boolean => NEXT_REFUND_STATUS[status].length === 0

/**
 * Which changes Mollie calls the payment's webhook for. Payments (docs.mollie.com, "Handling payment
 * status"): not for `open` nor `pending` ("Mollie will not call your webhook when this status
 * occurs"); for authorized, paid, canceled, expired and failed. Refunds (the "Webhook" column of the
 * refund statuses): processing, refunded and failed; not queued, pending or canceled.
 */
export const paymentStatusCallsWebhook = (status: PaymentStatus): boolean => status !== 'open' && status !== 'pending'
export const refundStatusCallsWebhook = (status: RefundStatus): boolean => status === 'processing' || status === 'refunded' || status === 'failed'

/** The steps from `from` to the final `to` along the lifecycle (e.g. pending → processing → refunded); throws when there is none. */
export function refundPath(from: RefundStatus, to: RefundStatus): RefundStatus[] {
  const walk = (at: RefundStatus, seen: RefundStatus[]): RefundStatus[] | null => {
    if (at === to) return seen
    for (const next of NEXT_REFUND_STATUS[at]) {
      const found = walk(next, [...seen, next])
      if (found) return found
    }
    return null
  }
  const path = from === to ? null : walk(from, [])
  if (!path) throw new EmulatorStateError(`a refund cannot go from ${from} to ${to}`)
  return path
}

export const PAYMENT_STATUSES = Object.keys(NEXT_PAYMENT_STATUS) as PaymentStatus[]

export const isFinalPaymentStatus = (status: PaymentStatus): boolean => NEXT_PAYMENT_STATUS[status].length === 0

/** Mollie lets the merchant cancel a payment while it is open (some methods also later; not emulated). */
export const isCancelable = (payment: Pick<StoredPayment, 'status'>): boolean => payment.status === 'open'

export const canTransition = (from: PaymentStatus, to: PaymentStatus): boolean => NEXT_PAYMENT_STATUS[from].includes(to)

/** Moves `payment` to `to` and stamps the matching timestamp; throws when the rules forbid it. */
export function transitionPayment(payment: StoredPayment, to: PaymentStatus, now: Date): void {
  if (!canTransition(payment.status, to)) {
    throw new EmulatorStateError(`payment ${payment.id} cannot go from ${payment.status} to ${to}`)
  }
  const at = now.toISOString()
  payment.status = to
  if (to === 'authorized') payment.authorizedAt = at
  if (to === 'paid') {
    payment.paidAt = at
    // Mollie reports the method the customer chose; the test checkout stands for iDEAL.
    payment.method ??= 'ideal'
  }
  if (to === 'canceled') payment.canceledAt = at
  if (to === 'expired') payment.expiredAt = at
  if (to === 'failed') payment.failedAt = at
}

/** Refunds still holding money back from the payment (failed and canceled ones gave it back). */
export const refundCounts = (refund: Pick<StoredRefund, 'status'>): boolean =>
  refund.status !== 'failed' && refund.status !== 'canceled'

export function transitionRefund(refund: StoredRefund, to: RefundStatus): void {
  if (!NEXT_REFUND_STATUS[refund.status].includes(to)) {
    throw new EmulatorStateError(`refund ${refund.id} cannot go from ${refund.status} to ${to}`)
  }
  refund.status = to
}

export const isRefundCancelable = (refund: Pick<StoredRefund, 'status'>): boolean =>
  refund.status === 'queued' || refund.status === 'pending'
