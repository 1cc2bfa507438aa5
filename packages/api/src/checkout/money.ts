import type { Locale } from '@jouwbot/shared'

/** "€ 297,00" in Dutch, "€297.00" in English. */
export function formatEuro(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-IE' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100)
}
