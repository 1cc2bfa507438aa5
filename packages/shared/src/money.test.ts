import { expect, test, vi } from 'vitest'
import { formatDecimal, formatMoney, formatWholeCents } from './money.ts'

test('decimals follow the language', () => {
  expect(formatDecimal(1.5, 'nl')).toBe('1,5')
  expect(formatDecimal(1.25, 'en')).toBe('1.25')
})

test('euros: cents, thousands, zero and negative amounts in both languages', () => {
  expect(formatMoney(26730, 'nl')).toBe('€\u00a0267,30')
  expect(formatMoney(26730, 'en')).toBe('€267.30')
  expect(formatMoney(0, 'nl')).toBe('€\u00a00,00')
  expect(formatMoney(0, 'en')).toBe('€0.00')
  expect(formatMoney(5, 'nl')).toBe('€\u00a00,05')
  expect(formatMoney(123456, 'nl')).toBe('€\u00a01.234,56')
  expect(formatMoney(123456, 'en')).toBe('€1,234.56')
  expect(formatMoney(100000000, 'nl')).toBe('€\u00a01.000.000,00')
  expect(formatMoney(-26730, 'nl')).toBe('€\u00a0-267,30')
  expect(formatMoney(-123456789, 'en')).toBe('-€1,234,567.89')
})

test('decimals: at most two, rounded half away from zero, grouped by the language', () => {
  expect(formatDecimal(21, 'nl')).toBe('21')
  expect(formatDecimal(0, 'en')).toBe('0')
  expect(formatDecimal(1.005, 'nl')).toBe('1,01')
  expect(formatDecimal(-1234.567, 'nl')).toBe('-1.234,57')
  expect(formatDecimal(-1234.567, 'en')).toBe('-1,234.57')
  expect(formatDecimal(0.999, 'en')).toBe('1')
  expect(formatDecimal(1e21, 'en')).toBe('1,000,000,000,000,000,000,000')
  expect(formatDecimal(2.5e22, 'nl')).toBe('25.000.000.000.000.000.000.000')
  expect(formatDecimal(-1e-7, 'nl')).toBe('-0')
})

// The server renders with Node's Intl and the browser hydrates with the hand-written formatter's
// output; both must be what Intl writes for nl-NL and en-GB, or hydration would not match.
// The server renders with Node's Intl and the browser hydrates with the hand-written formatter's
// output; both must be what Intl writes for nl-NL and en-GB, or hydration would not match. Mails
// formatted English euros with en-IE: the same text, checked too.
test('the same text as Intl.NumberFormat, for many amounts', () => {
  const enIE = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' })
  const intl = {
    money: { nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }), en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }) },
    decimal: { nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }) },
  }
  let seed = 7
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed / 2 ** 31
  }
  const cents = [0, -0, 1, -1, 99, 100, 999_99, 1000_00, -1000_00, 123_456_789_00, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity]
  const decimals = [0, -0, 0.5, 1.5, 1.25, 1.005, 1.115, 2.675, 0.001, -0.004, -0.005, 9.995, 999.999, 1e-7, 1e21, 2.5e22, NaN, -Infinity]
  for (let i = 0; i < 2000; i++) {
    const magnitude = 10 ** Math.floor(random() * 10)
    const sign = random() < 0.3 ? -1 : 1
    cents.push(sign * Math.floor(random() * magnitude))
    decimals.push(sign * Math.round(random() * magnitude * 1000) / 1000, sign * random() * magnitude)
  }
  for (const locale of ['nl', 'en'] as const) {
    for (const value of cents) expect(formatMoney(value, locale), `${value} cents, ${locale}`).toBe(intl.money[locale].format(value / 100))
    if (locale === 'en') for (const value of cents) expect(formatMoney(value, locale), `${value} cents, en-IE`).toBe(enIE.format(value / 100))
    for (const value of decimals) expect(formatDecimal(value, locale), `${value}, ${locale}`).toBe(intl.decimal[locale].format(value))
  }
})

test('prices and decimals make no Intl.NumberFormat (its first one costs tens of ms at start-up)', async () => {
  const Original = Intl.NumberFormat
  let made = 0
  Intl.NumberFormat = function (...args: ConstructorParameters<typeof Original>) {
    made++
    return new Original(...args)
  } as unknown as typeof Intl.NumberFormat
  try {
    vi.resetModules() // a fresh copy: nothing cached by the tests above
    const fresh = await import('./money.ts')
    fresh.formatMoney(26730, 'nl')
    fresh.formatMoney(9900, 'en')
    fresh.formatDecimal(21, 'nl')
    fresh.formatDecimal(1.5, 'en')
    fresh.formatWholeCents(123456, 'nl', { space: ' ' })
    expect(made).toBe(0)
  } finally {
    Intl.NumberFormat = Original
  }
})

// Invoice PDFs: exact whole cents and an ASCII space (what packages/pdf's formatEuroCents always wrote).
test('whole cents for invoices: exact digits, no minus zero, fractions refused', () => {
  const invoice = { space: ' ' } as const
  expect(formatWholeCents(123456, 'nl', invoice)).toBe('€ 1.234,56')
  expect(formatWholeCents(-1210, 'nl', invoice)).toBe('€ -12,10')
  expect(formatWholeCents(-0, 'nl', invoice)).toBe('€ 0,00')
  expect(formatMoney(-0, 'nl')).toBe('€\u00a0-0,00') // Intl's way, for comparison
  expect(formatWholeCents(5, 'nl', invoice)).toBe('€ 0,05')
  expect(formatWholeCents(-99, 'en', invoice)).toBe('-€0.99')
  // cents / 100 is not exact here: Intl (and formatMoney) writes ,90.
  expect(formatWholeCents(Number.MAX_SAFE_INTEGER, 'nl', invoice)).toBe('€ 90.071.992.547.409,91')
  expect(formatMoney(Number.MAX_SAFE_INTEGER, 'nl')).toBe('€\u00a090.071.992.547.409,90')
  for (const bad of [12.5, NaN, Infinity, 2 ** 53]) expect(() => formatWholeCents(bad, 'nl', invoice)).toThrow(RangeError)
  // Under 10^15 cents both ways give the same digits.
  let seed = 11
  for (let i = 0; i < 2000; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    const cents = (i % 3 ? 1 : -1) * Math.floor((seed / 2 ** 31) * 10 ** (i % 16))
    for (const locale of ['nl', 'en'] as const) expect(formatWholeCents(cents, locale), `${cents}`).toBe(formatMoney(cents || 0, locale))
  }
})
