import { compactVatNumber, isPlausibleVatNumber, toVatPrefix } from './number.ts'

export type VatCheckStatus = 'valid' | 'invalid' | 'unavailable'

export interface VatCheckResult {
  /** `unavailable`: no answer could be had (VIES or the member state down, busy, too slow). Ask again later. */
  status: VatCheckStatus
  countryCode: string
  number: string
  /** As registered, when the member state shares it; null when it does not ("---" in VIES). */
  name?: string | null
  address?: string | null
  /** When the answer was given (VIES's requestDate when it sent one). */
  checkedAt: Date
  source: 'vies' | 'offline'
  /** VIES consultation number; only issued when the checker sends a requester VAT number. */
  requestIdentifier?: string | null
  /** For logs: the VIES error code ("MS_UNAVAILABLE", "TIMEOUT", "HTTP_503", …) behind an `unavailable`/`invalid`. */
  errorCode?: string | null
}

export interface VatNumberChecker {
  /**
   * `countryCode` is the VAT prefix (EL for Greece) and `number` the national part, as returned by
   * normalizeVatNumber. Resolves for every outcome; rejections are reserved for programming errors.
   */
  check(countryCode: string, number: string): Promise<VatCheckResult>
}

export interface OfflineVatCheckerOptions {
  now?: () => Date
}

/**
 * The stand-in for VIES when there is no internet (development, tests): a plausible number (format and
 * check digit, see isPlausibleVatNumber) counts as valid. Never use its `valid` to grant reverse charge in
 * production.
 */
export function createOfflineVatChecker({ now = () => new Date() }: OfflineVatCheckerOptions = {}): VatNumberChecker {
  return {
    async check(countryCode, number) {
      const prefix = toVatPrefix(countryCode)
      const national = compactVatNumber(number)
      return {
        status: isPlausibleVatNumber(prefix, national) ? 'valid' : 'invalid',
        countryCode: prefix,
        number: national,
        name: null,
        address: null,
        checkedAt: now(),
        source: 'offline',
        requestIdentifier: null,
      }
    },
  }
}
