import type { StoredVatCheck } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import { countryForVatPrefix, normalizeVatNumber, vatPrefixForCountry } from '@jouwbot/vat'
import type { AppDeps } from '../deps.ts'

export interface VatTreatment {
  reverseCharge: boolean
  /** Normalised, e.g. DE123456789; null for consumers. */
  vatNumber: string | null
  check: StoredVatCheck | null
}

/**
 * Reverse charge ("btw verlegd") applies to a business in another EU member state whose VAT number
 * checks out. When the check service is unavailable we charge Dutch VAT rather than guess; the
 * stored result shows why.
 */
export async function vatTreatment(deps: AppDeps, input: { vatNumber: string | null; country: string }): Promise<VatTreatment> {
  if (!input.vatNumber) return { reverseCharge: false, vatNumber: null, check: null }
  const normalized = normalizeVatNumber(input.vatNumber)
  if (!normalized || countryForVatPrefix(normalized.countryCode) !== input.country) throw new AppError('BAD_REQUEST', 'checkout.vatNumberInvalid')
  const result = await deps.vatChecker.check(normalized.countryCode, normalized.number)
  if (result.status === 'invalid') throw new AppError('BAD_REQUEST', 'checkout.vatNumberInvalid')
  const check: StoredVatCheck = {
    status: result.status,
    source: result.source,
    checkedAt: result.checkedAt.toISOString(),
    name: result.name ?? null,
    requestIdentifier: result.requestIdentifier ?? null,
  }
  const otherEuState = input.country !== 'NL' && vatPrefixForCountry(input.country) !== null
  return { reverseCharge: otherEuState && result.status === 'valid', vatNumber: `${normalized.countryCode}${normalized.number}`, check }
}
