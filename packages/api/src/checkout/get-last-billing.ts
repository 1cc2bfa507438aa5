import type { UserRow } from '@jouwbot/auth'
import { desc, eq, orders } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'

export interface LastBilling {
  name: string
  company: string
  addressLine: string
  postalCode: string
  city: string
  country: string
  vatNumber: string
}

/**
 * The billing details of the buyer's most recent order (whatever became of it), so a second purchase
 * starts with the address typed last time. Only the buyer's own orders; null before the first one.
 */
export async function getLastBilling(deps: Pick<AppDeps, 'db' | 'cipher'>, buyer: Pick<UserRow, 'id'>): Promise<LastBilling | null> {
  const [last] = await deps.db
    .select({ billing: orders.billing, vatNumberEncrypted: orders.vatNumberEncrypted })
    .from(orders)
    .where(eq(orders.userId, buyer.id))
    .orderBy(desc(orders.createdAt))
    .limit(1)
  if (!last) return null
  const { name, company, addressLine, postalCode, city, country } = last.billing
  return {
    name,
    company: company ?? '',
    addressLine,
    postalCode,
    city,
    country,
    vatNumber: last.vatNumberEncrypted ? deps.cipher.decrypt(last.vatNumberEncrypted) : '',
  }
}
