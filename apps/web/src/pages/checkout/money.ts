import type { Locale } from '@jouwbot/shared'

/**
 * What an admin typed in a euro field, in cents: `297`, `297,00`, `297.5`, `€ 1.297,50`. Empty → null;
 * anything else unreadable → NaN, which the shared schema then refuses as an invalid number.
 */
export function eurosToCents(text: string): number | null {
  const cleaned = text.replace(/[€\s\u00a0]/g, '')
  if (cleaned === '') return null
  // The last , or . followed by one or two digits is the decimal separator; other separators group thousands.
  const match = /^(\d{1,3}(?:[.,]?\d{3})*|\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned)
  if (!match) return Number.NaN
  const whole = Number(match[1]!.replace(/[.,]/g, ''))
  const fraction = match[2] ? Number(match[2].padEnd(2, '0')) : 0
  return whole * 100 + fraction
}

/** Cents as an editable euro amount in the UI language: `297,00` / `297.00`. */
export function centsToEuros(cents: number, locale: Locale): string {
  const text = (cents / 100).toFixed(2)
  return locale === 'en' ? text : text.replace('.', ',')
}
