import { describe, expect, test } from 'vitest'
import type { PaymentStatus } from '../gateway.ts'
import { EmulatorStateError } from './errors.ts'
import type { StoredPayment } from './model.ts'
import { canTransition, isFinalPaymentStatus, PAYMENT_STATUSES, transitionPayment } from './status-rules.ts'

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
