import { valueToCents } from '../gateway.ts'
import { MollieApiProblem } from './errors.ts'
import type { PaymentMode } from '../gateway.ts'

/** Locales the Payments API accepts (the official client's `Locale` enum). */
export const LOCALES: readonly string[] = [
  'en_US', 'en_GB', 'nl_NL', 'nl_BE', 'fr_FR', 'fr_BE', 'fr_LU', 'de_DE', 'de_AT', 'de_CH', 'de_LU', 'es_ES',
  'ca_ES', 'pt_PT', 'it_IT', 'nb_NO', 'sv_SE', 'fi_FI', 'da_DK', 'is_IS', 'hu_HU', 'pl_PL', 'lv_LV', 'lt_LT',
]

/** Methods a one-off payment may be restricted to (those that make sense for our EUR checkout). */
const METHODS: readonly string[] = [
  'applepay', 'bancontact', 'banktransfer', 'belfius', 'creditcard', 'eps', 'googlepay', 'ideal', 'kbc',
  'klarna', 'paypal', 'przelewy24', 'trustly', 'twint',
]

const SUPPORTED_CURRENCIES: readonly string[] = ['EUR']
export const MIN_AMOUNT_CENTS = 1
export const MAX_AMOUNT_CENTS = 50_000_00
const MAX_DESCRIPTION = 255
const MAX_METADATA_BYTES = 1024

const unprocessable = (detail: string, field: string) => new MollieApiProblem(422, detail, field)

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export interface ParsedAmount {
  currency: string
  cents: number
}

export function parseAmount(input: unknown, field = 'amount'): ParsedAmount {
  if (input === undefined || input === null) throw unprocessable('The amount is required.', field)
  if (!isObject(input)) throw unprocessable('The amount must be an object with a currency and a value.', field)
  const { currency, value } = input
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    throw unprocessable('The amount contains an invalid currency.', `${field}.currency`)
  }
  if (!SUPPORTED_CURRENCIES.includes(currency)) {
    throw unprocessable(`The currency ${currency} is not supported.`, `${field}.currency`)
  }
  if (typeof value !== 'string' || !/^\d+\.\d{2}$/.test(value)) {
    throw unprocessable('The amount contains an invalid value: use a string with exactly two decimals.', `${field}.value`)
  }
  const cents = valueToCents(value)
  if (cents < MIN_AMOUNT_CENTS) throw unprocessable('The amount is lower than the minimum of 0.01.', `${field}.value`)
  if (cents > MAX_AMOUNT_CENTS) throw unprocessable('The amount is higher than the maximum of 50000.00.', `${field}.value`)
  return { currency, cents }
}

function optionalDescription(input: unknown, required: boolean): string {
  if (input === undefined || input === null || input === '') {
    if (required) throw unprocessable('The description is required.', 'description')
    return ''
  }
  if (typeof input !== 'string') throw unprocessable('The description must be a string.', 'description')
  if (input.length > MAX_DESCRIPTION) {
    throw unprocessable(`The description is too long (at most ${MAX_DESCRIPTION} characters).`, 'description')
  }
  return input
}

const LOCAL_HOST = /^(localhost|.*\.localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)$/i

function optionalUrl(input: unknown, field: string, required: boolean): string | null {
  if (input === undefined || input === null || input === '') {
    if (required) throw unprocessable(`The ${field} is required.`, field)
    return null
  }
  if (typeof input !== 'string') throw unprocessable(`The ${field} must be a string.`, field)
  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw unprocessable(`The ${field} is invalid: it must be an absolute URL.`, field)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw unprocessable(`The ${field} is invalid: only http and https URLs are accepted.`, field)
  }
  return input
}

function optionalMetadata(input: unknown): unknown {
  if (input === undefined) return null
  const serialised = JSON.stringify(input)
  if (Buffer.byteLength(serialised, 'utf8') > MAX_METADATA_BYTES) {
    throw unprocessable(`The metadata is too large (at most ${MAX_METADATA_BYTES} bytes as JSON).`, 'metadata')
  }
  return input
}

export interface PaymentFields {
  amount: ParsedAmount
  description: string
  redirectUrl: string
  cancelUrl: string | null
  webhookUrl: string | null
  locale: string | null
  method: string | null
  metadata: unknown
}

/** The create-payment body, checked the way the Payments API does (422 with `field`). */
export function validateCreatePayment(body: Record<string, unknown>, mode: PaymentMode): PaymentFields {
  const amount = parseAmount(body.amount)
  const description = optionalDescription(body.description, true)
  const redirectUrl = optionalUrl(body.redirectUrl, 'redirectUrl', true)!
  const cancelUrl = optionalUrl(body.cancelUrl, 'cancelUrl', false)
  const webhookUrl = optionalUrl(body.webhookUrl, 'webhookUrl', false)
  // Live Mollie must reach the webhook from the internet; test mode lets you use a local one.
  if (webhookUrl !== null && mode === 'live' && LOCAL_HOST.test(new URL(webhookUrl).hostname)) {
    throw unprocessable("The webhook URL is invalid because it is unreachable from Mollie's point of view.", 'webhookUrl')
  }

  let locale: string | null = null
  if (body.locale !== undefined && body.locale !== null) {
    if (typeof body.locale !== 'string' || !LOCALES.includes(body.locale)) {
      throw unprocessable('The locale is invalid.', 'locale')
    }
    locale = body.locale
  }

  let method: string | null = null
  if (body.method !== undefined && body.method !== null) {
    const methods = Array.isArray(body.method) ? body.method : [body.method]
    if (methods.length === 0 || methods.some((m) => typeof m !== 'string' || !METHODS.includes(m))) {
      throw unprocessable('The payment method is invalid or not enabled.', 'method')
    }
    // Only a single method is fixed up front; a list leaves the choice to the checkout.
    method = methods.length === 1 ? (methods[0] as string) : null
  }

  if (body.sequenceType !== undefined && body.sequenceType !== 'oneoff') {
    throw unprocessable('Only one-off payments are supported by the emulator.', 'sequenceType')
  }

  return { amount, description, redirectUrl, cancelUrl, webhookUrl, locale, method, metadata: optionalMetadata(body.metadata) }
}

export interface RefundFields {
  amount: ParsedAmount
  description: string
  metadata: unknown
}

export function validateCreateRefund(body: Record<string, unknown>): RefundFields {
  return {
    amount: parseAmount(body.amount),
    description: optionalDescription(body.description, false),
    metadata: optionalMetadata(body.metadata),
  }
}
