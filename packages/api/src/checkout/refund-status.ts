import type { refunds } from '@jouwbot/db'

type RefundStatus = (typeof refunds.$inferSelect)['status']

/** Refunds that Mollie reports as not happening: nothing went (or goes) back to the buyer. */
export const isDeadRefund = (status: RefundStatus): boolean => status === 'failed' || status === 'canceled'

const RANK: Record<RefundStatus, number> = { requested: 0, queued: 1, pending: 2, processing: 3, refunded: 4, failed: 5, canceled: 5 }

/**
 * A refund's status only moves forward, whatever order the news arrives in (a refund list read before
 * another webhook committed is old news): failed and canceled are final, and a refunded one can only
 * still fail (the bank sends it back).
 */
export const refundMayMove = (from: RefundStatus, to: RefundStatus): boolean => !isDeadRefund(from) && RANK[to] > RANK[from]
