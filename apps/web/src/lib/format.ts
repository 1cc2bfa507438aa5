import type { Locale } from '@jouwbot/shared'

const TIME_ZONE = 'Europe/Amsterdam'

export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'nl-NL'
}

// Making an Intl formatter is costly (tens of ms on a phone for the first few; a price list made
// one per price on every render), using one is cheap: one per language and kind, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>()

function dateTimeFormat(locale: Locale, kind: 'dateTime' | 'longDate' | 'time'): Intl.DateTimeFormat {
  const key = `${kind} ${locale}`
  let format = formatters.get(key)
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'dateTime'
        ? { dateStyle: 'medium', timeStyle: 'short' }
        : kind === 'longDate'
          ? { dateStyle: 'long' }
          : { hour: '2-digit', minute: '2-digit', second: '2-digit' }
    format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: TIME_ZONE })
    formatters.set(key, format)
  }
  return format
}

/** A timestamp as people in the Netherlands read it, whatever the browser's time zone. */
export function formatDateTime(date: Date, locale: Locale): string {
  return dateTimeFormat(locale, 'dateTime').format(date)
}

/** A date written out (`3 maart 2025`, `3 March 2025`), as the day it was in the Netherlands. */
export function formatLongDate(date: Date, locale: Locale): string {
  return dateTimeFormat(locale, 'longDate').format(date)
}

export function formatTime(date: Date, locale: Locale): string {
  return dateTimeFormat(locale, 'time').format(date)
}

/** A position in a video as players show it: `4:05`, `1:02:09`. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/** `PT4M5S`, for <time datetime>. */
export function isoDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`
}
