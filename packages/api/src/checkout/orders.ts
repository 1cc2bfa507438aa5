import type { UserRow } from '@jouwbot/auth'
import { and, asc, courses, desc, eq, ilike, inArray, invoices, lt, orderLines, orders, or, payments, refunds, sql, type DbOrTx, type SQL } from '@jouwbot/db'
import { AppError, type adminOrdersInput } from '@jouwbot/shared'
import type { z } from 'zod'
import { recordStaffRead } from '../privacy/record-staff-read.ts'
import type { AppDeps } from '../deps.ts'
import { applyPaymentFromMollie, type OrderRow } from './apply-payment.ts'
import { invoicePdf } from './invoices.ts'
import { startPaymentAttempt } from './payment-attempts.ts'

/** The return page asks Mollie itself at most this often while an order is still open. */
const RETURN_PAGE_FETCH_MS = 3_000

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
      description: orderLines.description,
      amountCents: orderLines.amountCents,
      listPriceCents: orderLines.listPriceCents,
      discountCents: orderLines.discountCents,
      coachingCredits: orderLines.coachingCredits,
      courseSlug: courses.slug,
    })
    .from(orderLines)
    .leftJoin(courses, eq(courses.id, orderLines.courseId))
    .where(inArray(orderLines.orderId, orderIds))
}

async function withDetails(db: DbOrTx, rows: OrderRow[]) {
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

async function ownOrder(db: DbOrTx, user: UserRow, orderId: string): Promise<OrderRow> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.userId, user.id)))
    .limit(1)
  if (!order) throw new AppError('NOT_FOUND', 'checkout.orderNotFound')
  return order
}

/** Pay (again) for one's own unpaid order. */
export async function startOrderPayment(deps: AppDeps, user: UserRow, orderId: string) {
  await ownOrder(deps.db, user, orderId)
  return startPaymentAttempt(deps, orderId)
}

/**
 * The return page. A `status=paid` in a URL proves nothing: the order's state comes from the
 * webhook, or — while it is still open — from asking Mollie directly (throttled per payment).
 */
export async function orderForBuyer(deps: AppDeps, user: UserRow, orderId: string) {
  let order = await ownOrder(deps.db, user, orderId)
  if (order.status === 'open' || order.status === 'pending') {
    const [latest] = await deps.db.select().from(payments).where(eq(payments.orderId, order.id)).orderBy(desc(payments.attempt), desc(payments.createdAt)).limit(1)
    const now = deps.clock.now().getTime()
    if (latest && (!latest.lastCheckedAt || now - latest.lastCheckedAt.getTime() > RETURN_PAGE_FETCH_MS)) {
      // A failure here only means we show "processing" a little longer; the webhook and job still come.
      await applyPaymentFromMollie(deps, latest.id).catch(() => undefined)
      order = await ownOrder(deps.db, user, orderId)
    }
  }
  const [details] = await withDetails(deps.db, [order])
  return details!
}

export async function ordersOfBuyer(deps: AppDeps, user: UserRow) {
  const rows = await deps.db.select().from(orders).where(eq(orders.userId, user.id)).orderBy(desc(orders.createdAt)).limit(100)
  return withDetails(deps.db, rows)
}

/** Admins see orders to support buyers; every read of this personal data is audit-logged. */
export async function listOrdersForAdmin(deps: AppDeps, admin: UserRow, input: z.output<typeof adminOrdersInput>) {
  const filters: SQL[] = []
  if (input.status) filters.push(eq(orders.status, input.status))
  if (input.cursor) filters.push(lt(orders.createdAt, new Date(input.cursor)))
  if (input.search) {
    const term = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    filters.push(or(ilike(orders.buyerEmail, term), sql`${orders.id}::text ilike ${term}`)!)
  }
  const rows = await deps.db
    .select()
    .from(orders)
    .where(filters.length > 0 ? and(...filters) : undefined)
    .orderBy(desc(orders.createdAt))
    .limit(input.limit + 1)
  const page = rows.slice(0, input.limit)
  await recordStaffRead(deps.db, { staff: admin, subjectUserIds: page.map((order) => order.userId), action: 'admin.read_orders', purpose: 'order_administration', details: { status: input.status ?? null, search: input.search ? 'yes' : 'no', count: page.length } }, deps.clock.now())
  const detailed = await withDetails(deps.db, page)
  return {
    orders: detailed.map((order, index) => ({ ...order, buyerEmail: page[index]!.buyerEmail, buyerName: page[index]!.billing.name })),
    nextCursor: rows.length > input.limit ? page.at(-1)!.createdAt.toISOString() : null,
  }
}

export async function orderForAdmin(deps: AppDeps, admin: UserRow, orderId: string) {
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

/** A buyer downloads only their own invoices; an admin any, audit-logged. */
export async function invoiceForDownload(deps: AppDeps, viewer: UserRow, invoiceId: string): Promise<{ filename: string; pdf: Uint8Array }> {
  const [invoice] = await deps.db.select().from(invoices).where(eq(invoices.id, invoiceId)).limit(1)
  // Staff access needs 2FA on, as in every staff procedure.
  const isAdmin = viewer.role === 'admin' && viewer.totpEnabledAt !== null
  if (!invoice || (!isAdmin && invoice.userId !== viewer.id)) throw new AppError('NOT_FOUND', 'invoice.notFound')
  if (isAdmin && invoice.userId !== viewer.id) {
    await recordStaffRead(deps.db, { staff: viewer, subjectUserIds: [invoice.userId], action: 'admin.read_invoice', purpose: 'invoice_support', details: { invoiceId } }, deps.clock.now())
  }
  const prefix = invoice.kind === 'invoice' ? 'factuur' : 'creditnota'
  return { filename: `${prefix}-${invoice.number}.pdf`, pdf: await invoicePdf(deps, invoice) }
}
