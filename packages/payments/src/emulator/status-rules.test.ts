import { describe, expect, test } from 'vitest'
import type { PaymentStatus, RefundStatus } from '../gateway.ts'
import { EmulatorStateError } from './errors.ts'
import type { StoredPayment } from './model.ts'
import {
  canTransition,
  isFinalPaymentStatus,
  isFinalRefundStatus,
  PAYMENT_STATUSES,
  paymentStatusCallsWebhook,
  REFUND_STATUSES,
  refundPath,
  refundStatusCallsWebhook,
  transitionPayment,
  transitionRefund,
} from './status-rules.ts'
import type { StoredRefund } from './model.ts'

const allowed: Record<PaymentStatus, PaymentStatus[]> = {
  open: ['pending', 'authorized', 'paid', 'canceled', 'expired', 'failed'],
  pending: ['paid', 'canceled', 'expired', 'failed'],
  authorized: ['paid', 'canceled', 'expired', 'failed'],
  paid: [],
  canceled: [],
  expired: [],
  failed: [],
}

describe('payment status rules', () => {
  test.each(PAYMENT_STATUSES)('from %s', (from) => {
    for (const to of PAYMENT_STATUSES) expect([from, to, canTransition(from, to)]).toEqual([from, to, allowed[from].includes(to)])
    expect(isFinalPaymentStatus(from)).toBe(allowed[from].length === 0)
  })

  test('a transition stamps its time; a forbidden one throws and changes nothing', () => {
    const payment = { id: 'tr_x', status: 'open', paidAt: null, method: null } as unknown as StoredPayment
    const at = new Date('2026-03-01T10:00:00Z')
    transitionPayment(payment, 'paid', at)
    expect(payment).toMatchObject({ status: 'paid', paidAt: at.toISOString(), method: 'ideal' })
    expect(() => transitionPayment(payment, 'failed', at)).toThrow(EmulatorStateError)
    expect(payment.status).toBe('paid')
  })
})

/** docs.mollie.com/payments/refunds, "Refund statuses": queued → pending → processing → refunded | failed; queued/pending → canceled. */
const refundAllowed: Record<RefundStatus, RefundStatus[]> = {
  queued: ['pending', 'canceled'],
  pending: ['processing', 'canceled'],
  processing: ['refunded', 'failed'],
  refunded: [],
  failed: [],
  canceled: [],
}

describe('refund status rules (Mollie’s lifecycle)', () => {
  test.each(REFUND_STATUSES)('from %s', (from) => {
    for (const to of REFUND_STATUSES) {
      const refund = { id: 're_x', status: from } as StoredRefund
      const moved = (() => {
        try {
          transitionRefund(refund, to)
          return true
        } catch (error) {
          expect(error).toBeInstanceOf(EmulatorStateError)
          return false
        }
      })()
      expect([from, to, moved]).toEqual([from, to, refundAllowed[from].includes(to)])
    }
    expect(isFinalRefundStatus(from)).toBe(refundAllowed[from].length === 0)
  })

  test('refunded, failed and canceled are final: a refunded refund never fails afterwards', () => {
    expect(REFUND_STATUSES.filter(isFinalRefundStatus).sort()).toEqual(['canceled', 'failed', 'refunded'])
    expect(() => refundPath('refunded', 'failed')).toThrow(EmulatorStateError)
    expect(refundPath('queued', 'refunded')).toEqual(['pending', 'processing', 'refunded'])
    expect(refundPath('pending', 'failed')).toEqual(['processing', 'failed'])
  })

  test('the webhook is called where Mollie documents it, and only there', () => {
    expect(PAYMENT_STATUSES.filter(paymentStatusCallsWebhook).sort()).toEqual(['authorized', 'canceled', 'expired', 'failed', 'paid'])
    expect(REFUND_STATUSES.filter(refundStatusCallsWebhook).sort()).toEqual(['failed', 'processing', 'refunded'])
  })
})
