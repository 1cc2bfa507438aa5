import type { UserRow } from '@jouwbot/auth'
import { asc, eq, orders, payments, refunds } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import { recordStaffRead } from '../privacy/record-staff-read.ts'
import type { AppDeps } from '../deps.ts'
import { withDetails } from './order-details.ts'

/** One order with its payments and refunds, for support; the read is audit-logged. */
export async function getOrderForAdmin(deps: AppDeps, admin: UserRow, orderId: string) {
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId)).limit(1)
  if (!order) throw new AppError('NOT_FOUND', 'checkout.orderNotFound')
  const [details] = await withDetails(deps.db, [order])
  const [attempts, refundRows] = await Promise.all([
    deps.db
      .select({ id: payments.id, status: payments.status, amountCents: payments.amountCents, mismatch: payments.mismatch, createdAt: payments.createdAt })
      .from(payments)
      .where(eq(payments.orderId, orderId))
      .orderBy(asc(payments.createdAt)),
    deps.db
      .select({ id: refunds.id, kind: refunds.kind, amountCents: refunds.amountCents, status: refunds.status, reason: refunds.reason, createdAt: refunds.createdAt })
      .from(refunds)
      .where(eq(refunds.orderId, orderId))
      .orderBy(asc(refunds.createdAt)),
  ])
  await recordStaffRead(deps.db, { staff: admin, subjectUserIds: [order.userId], action: 'admin.read_order', purpose: 'order_administration', details: { orderId } }, deps.clock.now())
  return {
    ...details!,
    buyerEmail: order.buyerEmail,
    billing: order.billing,
    vatNumber: order.vatNumberEncrypted ? deps.cipher.decrypt(order.vatNumberEncrypted) : null,
    vatCheck: order.vatCheck,
    payments: attempts,
    refunds: refundRows,
  }
}
