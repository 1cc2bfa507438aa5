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

/*
 * Numbers and euros are written by hand, not with Intl.NumberFormat: the first currency formatter a
 * page makes loads ICU's number data (15–25 ms on a phone, inside hydration's first slice on every
 * public page). The output is Intl's for nl-NL and en-GB, character for character (format.test.ts
 * compares the two), so the server's HTML and the browser's hydration give the same text.
 */

/** |value| rounded half away from zero to at most `maxFraction` decimals, as digit strings. */
function decimalParts(value: number, minFraction: number, maxFraction: number): { whole: string; fraction: string } {
  // The shortest decimal that reads back as the number (`1.005`, not 1.00499…), as Intl rounds.
  const text = Math.abs(value).toString()
  let whole: string
  let fraction: string
  if (text.includes('e')) {
    // `2.5e+22`, `1e-7`: the same digits, written out.
    const [mantissa = '0', exponentText = '0'] = text.split('e')
    const [head = '0', tail = ''] = mantissa.split('.')
    const exponent = Number(exponentText)
    const digits = head + tail
    const point = head.length + exponent
    if (point >= digits.length) {
      whole = digits.padEnd(point, '0')
      fraction = ''
    } else if (point <= 0) {
      whole = '0'
      fraction = '0'.repeat(-point) + digits
    } else {
      whole = digits.slice(0, point)
      fraction = digits.slice(point)
    }
  } else {
    ;[whole = '0', fraction = ''] = text.split('.')
  }
  if (fraction.length > maxFraction) {
    const roundUp = fraction.charCodeAt(maxFraction) >= 53 // '5'
    let digits = BigInt(whole + fraction.slice(0, maxFraction))
    if (roundUp) digits += 1n
    const all = digits.toString().padStart(maxFraction + 1, '0')
    whole = all.slice(0, all.length - maxFraction)
    fraction = all.slice(all.length - maxFraction)
  }
  let end = fraction.length
  while (end > 0 && fraction[end - 1] === '0') end--
  fraction = fraction.slice(0, end)
  if (fraction.length < minFraction) fraction = fraction.padEnd(minFraction, '0')
  return { whole, fraction }
}

function writeNumber(value: number, locale: Locale, minFraction: number, maxFraction: number): { negative: boolean; digits: string } {
  const negative = value < 0 || Object.is(value, -0)
  if (!Number.isFinite(value)) return { negative, digits: Number.isNaN(value) ? 'NaN' : '∞' }
  const { whole, fraction } = decimalParts(value, minFraction, maxFraction)
  const group = locale === 'en' ? ',' : '.'
  const point = locale === 'en' ? '.' : ','
  // Groups of three from the right, without a regular expression (compiling one costs at start-up).
  let grouped = whole.slice(0, ((whole.length - 1) % 3) + 1)
  for (let i = grouped.length; i < whole.length; i += 3) grouped += group + whole.slice(i, i + 3)
  return { negative: negative && !Number.isNaN(value), digits: fraction ? `${grouped}${point}${fraction}` : grouped }
}

/** A decimal as the language writes it (`1,5` in Dutch), at most two decimals. */
export function formatDecimal(value: number, locale: Locale): string {
  const { negative, digits } = writeNumber(value, locale, 0, 2)
  return negative ? `-${digits}` : digits
}

/** Euros from cents: `€ 267,30` (no-break space) and `€ -267,30` in Dutch, `€267.30` and `-€267.30` in English. */
export function formatMoney(cents: number, locale: Locale): string {
  const { negative, digits } = writeNumber(cents / 100, locale, 2, 2)
  if (locale === 'en') return `${negative ? '-' : ''}€${digits}`
  return `€\u00a0${negative ? '-' : ''}${digits}`
}
