import type { refunds } from '@jouwbot/db'

type RefundStatus = (typeof refunds.$inferSelect)['status']

/** Refunds that Mollie reports as not happening: nothing went (or goes) back to the buyer. */
export const isDeadRefund = (status: RefundStatus): boolean => status === 'failed' || status === 'canceled'

/**
 * Mollie's refund lifecycle (docs.mollie.com/payments/refunds, "Refund statuses"): queued → pending →
 * processing → refunded, or failed ("The refund has failed after processing"); queued and pending can
 * be canceled. refunded ("The refund has been completed"), failed and canceled are where it ends:
 * nothing in Mollie's documentation moves a refund on from them. `requested` is ours: asked, no answer yet.
 */
export const isFinalRefund = (status: RefundStatus): boolean => status === 'refunded' || isDeadRefund(status)

const RANK: Record<RefundStatus, number> = { requested: 0, queued: 1, pending: 2, processing: 3, refunded: 4, failed: 4, canceled: 4 }

/**
 * A refund's status only moves forward, whatever order the news arrives in (a refund list read before
 * another webhook committed is old news): a final status is never left, so news of a refunded refund
 * "failing" later is not news Mollie sends and is ignored.
 */
export const refundMayMove = (from: RefundStatus, to: RefundStatus): boolean => !isFinalRefund(from) && RANK[to] > RANK[from]
