import type { UserRow } from '@jouwbot/auth'
import { and, desc, eq, lt, orders, type SQL } from '@jouwbot/db'
import type { adminOrdersInput } from '@jouwbot/shared'
import type { z } from 'zod'
import { recordStaffRead } from '../privacy/record-staff-read.ts'
import type { AppDeps } from '../deps.ts'
import { withDetails } from './order-details.ts'
import { orderSearchFilter } from './order-search.ts'

/** Admins see orders to support buyers; every read of this personal data is audit-logged. */
export async function listOrdersForAdmin(deps: AppDeps, admin: UserRow, input: z.output<typeof adminOrdersInput>) {
  const filters: SQL[] = []
  if (input.status) filters.push(eq(orders.status, input.status))
  if (input.cursor) filters.push(lt(orders.createdAt, new Date(input.cursor)))
  if (input.search) filters.push(orderSearchFilter(input.search))
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
