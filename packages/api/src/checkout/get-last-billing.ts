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

type Buyer = Pick<UserRow, 'id' | 'firstName' | 'lastName' | 'company' | 'addressLine' | 'postalCode' | 'city' | 'country'>

/**
 * The billing details of the buyer's most recent order (whatever became of it), so a second purchase
 * starts with the address typed last time. Only the buyer's own orders; null before the first one.
 * An address the member keeps on the profile (privacy centre, art. 16) comes first: it is the one
 * place where they correct it. The VAT number still comes from the last order.
 */
export async function getLastBilling(deps: Pick<AppDeps, 'db' | 'cipher'>, buyer: Buyer): Promise<LastBilling | null> {
  const [last] = await deps.db
    .select({ billing: orders.billing, vatNumberEncrypted: orders.vatNumberEncrypted })
    .from(orders)
    .where(eq(orders.userId, buyer.id))
    .orderBy(desc(orders.createdAt))
    .limit(1)
  const vatNumber = last?.vatNumberEncrypted ? deps.cipher.decrypt(last.vatNumberEncrypted) : ''
  if (buyer.addressLine && buyer.postalCode && buyer.city && buyer.country) {
    return {
      name: last?.billing.name ?? `${buyer.firstName} ${buyer.lastName}`,
      company: buyer.company ?? last?.billing.company ?? '',
      addressLine: buyer.addressLine,
      postalCode: buyer.postalCode,
      city: buyer.city,
      country: buyer.country,
      vatNumber,
    }
  }
  if (!last) return null
  const { name, company, addressLine, postalCode, city, country } = last.billing
  return {
    name,
    company: company ?? '',
    addressLine,
    postalCode,
    city,
    country,
    vatNumber,
  }
}
