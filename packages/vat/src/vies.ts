import type { VatCheckResult, VatNumberChecker } from './checker.ts'
import { compactVatNumber, isEuVatPrefix, toVatPrefix } from './number.ts'

export const VIES_CHECK_VAT_ENDPOINT = 'https://ec.europa.eu/taxation_customs/vies/rest-api/check-vat-number'

export interface ViesVatCheckerOptions {
  /** The VIES REST "check-vat-number" operation (POST, JSON). A local stand-in in tests. */
  endpoint?: string
  /** Covers the whole exchange: connecting, waiting for VIES, reading the body. */
  timeoutMs?: number
  fetch?: typeof globalThis.fetch
  now?: () => Date
  /**
   * Our own VAT number. When given, VIES answers with a consultation number (`requestIdentifier`), the proof
   * that the buyer's number was checked on that date.
   */
  requester?: { countryCode: string; number: string } | null
}

/**
 * Error codes VIES puts in `errorWrappers[].error` (or `userError`) that say nothing about the number
 * itself: the member state's system is down or busy, VIES is, or it refused us. All become `unavailable`.
 * (Any code not known here is treated the same way; only INVALID_INPUT means the number is wrong.)
 */
export const VIES_TRANSIENT_ERRORS = [
  'MS_UNAVAILABLE',
  'TIMEOUT',
  'SERVICE_UNAVAILABLE',
  'MS_MAX_CONCURRENT_REQ',
  'GLOBAL_MAX_CONCURRENT_REQ',
  'IP_BLOCKED',
  'VAT_BLOCKED',
  'INVALID_REQUESTER_INFO',
] as const

/** The parts of the VIES answer we use (POST …/check-vat-number). Everything is optional: it is untrusted. */
interface ViesResponseBody {
  valid?: unknown
  /** The GET …/ms/{cc}/vat/{number} form of the same answer. */
  isValid?: unknown
  userError?: unknown
  name?: unknown
  address?: unknown
  requestDate?: unknown
  requestIdentifier?: unknown
  actionSucceed?: unknown
  errorWrappers?: unknown
}

/**
 * Checks a number against VIES, the European Commission's VAT Information Exchange System. Never throws
 * for anything VIES or the network does: a timeout, a network error, a 5xx, an unreadable answer and the
 * VIES error codes for an unavailable member state or an overloaded service all resolve to `unavailable`.
 * VIES's INVALID_INPUT (a number it cannot even look up) resolves to `invalid`.
 */
export function createViesVatChecker({
  endpoint = VIES_CHECK_VAT_ENDPOINT,
  timeoutMs = 8000,
  fetch = globalThis.fetch,
  now = () => new Date(),
  requester = null,
}: ViesVatCheckerOptions = {}): VatNumberChecker {
  return {
    async check(rawCountryCode, rawNumber) {
      const countryCode = toVatPrefix(rawCountryCode)
      const number = compactVatNumber(rawNumber)
      const result = (status: VatCheckResult['status'], errorCode: string | null, extra: Partial<VatCheckResult> = {}): VatCheckResult => ({
        status,
        countryCode,
        number,
        name: null,
        address: null,
        checkedAt: now(),
        source: 'vies',
        requestIdentifier: null,
        errorCode,
        ...extra,
      })
      if (!isEuVatPrefix(countryCode) || number.length === 0) return result('invalid', 'INVALID_INPUT')

      const body: Record<string, string> = { countryCode, vatNumber: number }
      if (requester) {
        body.requesterMemberStateCode = toVatPrefix(requester.countryCode)
        body.requesterNumber = compactVatNumber(requester.number)
      }

      const controller = new AbortController()
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, timeoutMs)
      let httpStatus: number
      let text: string
      try {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(body),
          signal: controller.signal,
        })
        httpStatus = response.status
        text = await response.text()
      } catch {
        return result('unavailable', timedOut ? 'TIMEOUT' : 'NETWORK_ERROR')
      } finally {
        clearTimeout(timer)
      }

      let parsed: ViesResponseBody | null = null
      try {
        const value: unknown = JSON.parse(text)
        if (value && typeof value === 'object' && !Array.isArray(value)) parsed = value as ViesResponseBody
      } catch {
        parsed = null
      }

      const errorCode = parsed ? viesErrorCode(parsed) : null
      if (errorCode === 'INVALID_INPUT') return result('invalid', errorCode)
      if (errorCode) return result('unavailable', errorCode)
      if (httpStatus < 200 || httpStatus >= 300) return result('unavailable', `HTTP_${httpStatus}`)

      const valid = typeof parsed?.valid === 'boolean' ? parsed.valid : typeof parsed?.isValid === 'boolean' ? parsed.isValid : null
      if (parsed === null || valid === null) return result('unavailable', 'BAD_RESPONSE')

      return result(valid ? 'valid' : 'invalid', null, {
        name: valid ? viesText(parsed.name) : null,
        address: valid ? viesText(parsed.address) : null,
        requestIdentifier: viesText(parsed.requestIdentifier),
        checkedAt: viesDate(parsed.requestDate) ?? now(),
      })
    },
  }
}

/**
 * The error code of a VIES error answer, `{ "actionSucceed": false, "errorWrappers": [{ "error":
 * "MS_UNAVAILABLE", "message": "…" }] }`, or of a transient `userError` in an otherwise normal answer.
 */
function viesErrorCode(body: ViesResponseBody): string | null {
  if (Array.isArray(body.errorWrappers) && body.errorWrappers.length > 0) {
    const first: unknown = body.errorWrappers[0]
    const code = first && typeof first === 'object' && 'error' in first ? first.error : null
    return typeof code === 'string' && code.length > 0 ? code : 'UNKNOWN_ERROR'
  }
  if (body.actionSucceed === false) return 'UNKNOWN_ERROR'
  if (typeof body.userError === 'string' && (VIES_TRANSIENT_ERRORS as readonly string[]).includes(body.userError)) return body.userError
  return null
}

/** VIES answers "---" for a name or address the member state does not share. */
function viesText(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = value.trim()
  return text === '' || /^-+$/.test(text) ? null : text
}

function viesDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}
