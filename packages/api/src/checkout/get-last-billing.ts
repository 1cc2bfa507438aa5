import type { UserRow } from '@jouwbot/auth'
import { desc, eq, orders } from '@jouwbot/db'
import { countryForVatPrefix, normalizeVatNumber } from '@jouwbot/vat'
import type { AppDeps } from '../deps.ts'

/** The billing country a VAT number belongs to (its prefix), for a form with no address yet. */
function countryOfVatNumber(vatNumber: string): string {
  const normalized = normalizeVatNumber(vatNumber)
  return normalized ? countryForVatPrefix(normalized.countryCode) : 'NL'
}

export interface LastBilling {
  name: string
  company: string
  addressLine: string
  postalCode: string
  city: string
  country: string
  vatNumber: string
}

type Buyer = Pick<UserRow, 'id' | 'firstName' | 'lastName' | 'company' | 'addressLine' | 'postalCode' | 'city' | 'country' | 'vatNumberEncrypted'>

/**
 * The billing details of the buyer's most recent order (whatever became of it), so a second purchase
 * starts with the address typed last time. Only the buyer's own orders; null before the first one.
 * An address the member keeps on the profile (privacy centre, art. 16) comes first: it is the one
 * place where they correct it; so does the VAT number kept there (else the last order's).
 */
export async function getLastBilling(deps: Pick<AppDeps, 'db' | 'cipher'>, buyer: Buyer): Promise<LastBilling | null> {
  const [last] = await deps.db
    .select({ billing: orders.billing, vatNumberEncrypted: orders.vatNumberEncrypted })
    .from(orders)
    .where(eq(orders.userId, buyer.id))
    .orderBy(desc(orders.createdAt))
    .limit(1)
  const kept = buyer.vatNumberEncrypted ?? last?.vatNumberEncrypted ?? null
  const vatNumber = kept ? deps.cipher.decrypt(kept) : ''
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
  if (!last) {
    // No order yet: a VAT number (and company) on the profile still fills the form.
    if (!buyer.vatNumberEncrypted) return null
    return { name: `${buyer.firstName} ${buyer.lastName}`, company: buyer.company ?? '', addressLine: buyer.addressLine ?? '', postalCode: buyer.postalCode ?? '', city: buyer.city ?? '', country: buyer.country ?? countryOfVatNumber(vatNumber), vatNumber }
  }
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
