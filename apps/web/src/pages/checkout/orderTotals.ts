import type { OrderStatus } from './types.ts'

/**
 * The label of an order's total follows its status: still to pay while Mollie works, "not paid" after
 * a failed, canceled or expired payment (nothing was charged), paid once paid. Never "Totaal betaald"
 * on an order that was not.
 */
export function totalLabelKey(status: OrderStatus): string {
  if (status === 'paid') return 'order.totalPaid'
  if (status === 'open' || status === 'pending') return 'order.totalToPay'
  return 'order.totalNotPaid'
}

/** After refunds or chargebacks: what the buyer paid on balance (null when nothing came back). */
export function netPaidCents(order: { status: OrderStatus; totalCents: number; refundedCents: number; chargedBackCents: number }): number | null {
  const back = order.refundedCents + order.chargedBackCents
  if (order.status !== 'paid' || back === 0) return null
  return order.totalCents - back
}
