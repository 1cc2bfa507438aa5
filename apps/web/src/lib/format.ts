import type { Locale } from '@jouwbot/shared'

const TIME_ZONE = 'Europe/Amsterdam'

export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'nl-NL'
}

/** A timestamp as people in the Netherlands read it, whatever the browser's time zone. */
export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(date)
}

export function formatTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: TIME_ZONE,
  }).format(date)
}
