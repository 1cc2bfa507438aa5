import { BILLING_COUNTRIES, type Locale } from '@jouwbot/shared'
import { intlLocale } from '../../lib/format.ts'

/** The billing countries named in the UI language, alphabetically (the Netherlands first). */
export function countryOptions(locale: Locale): Array<{ value: string; label: string }> {
  const names = new Intl.DisplayNames([intlLocale(locale)], { type: 'region' })
  const collator = new Intl.Collator(intlLocale(locale))
  const options = BILLING_COUNTRIES.map((code) => ({ value: code, label: names.of(code) ?? code }))
  const others = options.filter((option) => option.value !== 'NL').sort((a, b) => collator.compare(a.label, b.label))
  return [options.find((option) => option.value === 'NL')!, ...others]
}

export function countryName(code: string, locale: Locale): string {
  return new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }).of(code) ?? code
}
