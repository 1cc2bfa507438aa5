import type { Locale } from './auth.ts'

/*
 * Euros and decimals for every place that shows them: the web app (server render and hydration), mails,
 * the script-free copy of the public pages and invoice PDFs. Its own entry point
 * (`@jouwbot/shared/money`), free of zod, so the web's entry chunk can take it without the schemas.
 *
 * Written by hand, not with Intl.NumberFormat: the first currency formatter a page makes loads ICU's
 * number data (15–25 ms on a phone, inside hydration's first slice on every public page). The output
 * is Intl's for nl-NL and en-GB (en-IE writes euros the same way), character for character
 * (money.test.ts compares them), so the server's HTML and the browser's hydration give the same text.
 */

/** A decimal's `text` rounded half away from zero to at most `maxFraction` decimals, as digit strings. */
function decimalParts(text: string, minFraction: number, maxFraction: number): { whole: string; fraction: string } {
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

/**
 * `value` as the language writes it, without its sign. `text` is |value| in decimal: by default the
 * shortest decimal that reads back as the number (`1.005`, not 1.00499…), as Intl rounds.
 */
function writeNumber(
  value: number,
  locale: Locale,
  minFraction: number,
  maxFraction: number,
  text = Math.abs(value).toString(),
): { negative: boolean; digits: string } {
  const negative = value < 0 || Object.is(value, -0)
  if (!Number.isFinite(value)) return { negative, digits: Number.isNaN(value) ? 'NaN' : '∞' }
  const { whole, fraction } = decimalParts(text, minFraction, maxFraction)
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

/**
 * Euros from cents: `€ 267,30` (no-break space) and `€ -267,30` in Dutch, `€267.30` and `-€267.30` in
 * English — what `Intl.NumberFormat(nl-NL | en-GB, { style: 'currency', currency: 'EUR' })` writes for
 * `cents / 100`.
 */
export function formatMoney(cents: number, locale: Locale): string {
  const { negative, digits } = writeNumber(cents / 100, locale, 2, 2)
  if (locale === 'en') return `${negative ? '-' : ''}€${digits}`
  return `€\u00a0${negative ? '-' : ''}${digits}`
}

export interface WholeCentsOptions {
  /** Between `€` and a Dutch amount: formatMoney's no-break space unless told otherwise. */
  space?: ' ' | '\u00a0'
}

/**
 * formatMoney's text for whole cents, written from the integer's own digits: a RangeError for anything
 * but a safe integer, `0` (not `-0`) for minus zero, and exact beyond 10^15 cents, where `cents / 100`
 * (what Intl and formatMoney format) is no longer exact. For invoices, whose amounts must be exact and
 * are never fractions; their PDFs write an ASCII space (`space: ' '`). A function of its own rather than
 * an option of formatMoney, so that the web bundle leaves it out and formatMoney stays as small as it was.
 */
export function formatWholeCents(cents: number, locale: Locale, options?: WholeCentsOptions): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not an amount in whole cents: ${cents}`)
  // The integer's digits with the point put in by hand: `123456` → `1234.56`, `5` → `0.05`.
  const text = String(Math.abs(cents)).padStart(3, '0')
  const { negative, digits } = writeNumber(cents || 0, locale, 2, 2, `${text.slice(0, -2)}.${text.slice(-2)}`)
  if (locale === 'en') return `${negative ? '-' : ''}€${digits}`
  return `€${options?.space ?? '\u00a0'}${negative ? '-' : ''}${digits}`
}
