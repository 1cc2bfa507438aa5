import type { UserRow } from '@jouwbot/auth'
import { and, asc, courses, eq, inArray, invoices, orderLines, orders, products, type DbOrTx } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { OrderRow } from './types.ts'

async function invoicesOf(db: DbOrTx, orderIds: string[]) {
  if (orderIds.length === 0) return []
  return db
    .select({ id: invoices.id, orderId: invoices.orderId, kind: invoices.kind, number: invoices.number, issueDate: invoices.issueDate, totalCents: invoices.totalCents })
    .from(invoices)
    .where(inArray(invoices.orderId, orderIds))
    .orderBy(asc(invoices.year), asc(invoices.sequence))
}

async function linesOf(db: DbOrTx, orderIds: string[]) {
  if (orderIds.length === 0) return []
  return db
    .select({
      orderId: orderLines.orderId,
      /** Frozen at ordering time, in Dutch (the invoice's wording). */
      description: orderLines.description,
      /** The product's English name, for the English interface (null only if the product is gone). */
      productNameEn: products.nameEn,
      amountCents: orderLines.amountCents,
      listPriceCents: orderLines.listPriceCents,
      discountCents: orderLines.discountCents,
      coachingCredits: orderLines.coachingCredits,
      courseSlug: courses.slug,
    })
    .from(orderLines)
    .leftJoin(courses, eq(courses.id, orderLines.courseId))
    .leftJoin(products, eq(products.id, orderLines.productId))
    .where(inArray(orderLines.orderId, orderIds))
}

/** An order as its buyer (and an admin) sees it: its lines and its invoices and credit notes. */
export async function withDetails(db: DbOrTx, rows: OrderRow[]) {
  const ids = rows.map((row) => row.id)
  const [lines, docs] = await Promise.all([linesOf(db, ids), invoicesOf(db, ids)])
  return rows.map((order) => ({
    id: order.id,
    status: order.status,
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    totalCents: order.totalCents,
    totalVatCents: order.totalVatCents,
    discountCents: order.discountCents,
    refundedCents: order.refundedCents,
    chargedBackCents: order.chargedBackCents,
    reverseCharge: order.reverseCharge,
    canRetry: order.status === 'failed' || order.status === 'canceled' || order.status === 'expired',
    lines: lines.filter((line) => line.orderId === order.id),
    invoices: docs.filter((doc) => doc.orderId === order.id),
  }))
}

/** The buyer's own order, or not found (never someone else's). */
export async function ownOrder(db: DbOrTx, user: UserRow, orderId: string): Promise<OrderRow> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.userId, user.id)))
    .limit(1)
  if (!order) throw new AppError('NOT_FOUND', 'checkout.orderNotFound')
  return order
}
