import type { UserRow } from '@jouwbot/auth'
import { desc, eq, orders } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { withDetails } from './order-details.ts'

/** The buyer's own orders, newest first. */
export async function listOrdersOfBuyer(deps: AppDeps, user: UserRow) {
  const rows = await deps.db.select().from(orders).where(eq(orders.userId, user.id)).orderBy(desc(orders.createdAt)).limit(100)
  return withDetails(deps.db, rows)
}
