import { describe, expect, test } from 'vitest'
import {
  EU_VAT_PREFIXES,
  countryForVatPrefix,
  isPlausibleVatNumber,
  isValidBeChecksum,
  isValidDeChecksum,
  isValidNlChecksum,
  normalizeVatNumber,
  vatPrefixForCountry,
} from './number.ts'

/** Real numbers published online (python-stdnum's collected test set, and the Belastingdienst's btw-id example). */
const REAL_NUMBERS = [
  'ATU 142 43 102', 'BE 0202.239.951', 'BE 0462423150', 'BE413562567', 'BG 103873594', 'BG7523169263',
  'CY 10246672X', 'CZ 25123891', 'CZ 640903926', 'CZ 6956220612', 'DE - 113866163', 'DE 811 363 057',
  'DE136308783', 'DK 10 50 32 80', 'EE 100 931 558', 'ES - Q0818001J', 'ES 54362315K', 'ES X5277343Q',
  'ES A08370314', 'EL 039868210', 'FI 0982651-1', 'FR 04409414364', 'FR K 7399859412', 'HU 10672101',
  'IE 6433435IH', 'IE6599001W', 'IE8D79739I', 'IE 8223200u', 'IT 00118439991', 'LT 100001354118',
  'LT 119511515', 'LU 10059929', 'LV 40003189718', 'MT 17025737', 'PL 584-030-44-72', 'PT 500 019 720',
  'RO 1822964', 'RO 18779508', 'SE 556058115801', 'SI 26808498', 'SK 1078449064',
  'NL 004495445B01', 'NL.8143.26.584.B.01', 'NL001162938B28', 'NL000099998B57',
]

describe('normalizeVatNumber', () => {
  test('strips spaces, dots and dashes, upper-cases and splits the prefix', () => {
    expect(normalizeVatNumber(' nl 0044.95.445-b01 ')).toEqual({ countryCode: 'NL', number: '004495445B01' })
    expect(normalizeVatNumber('DE\u00a0811 363 057')).toEqual({ countryCode: 'DE', number: '811363057' })
    expect(normalizeVatNumber('atu14243102')).toEqual({ countryCode: 'AT', number: 'U14243102' })
  })

  test('Greece is EL; the ISO code GR is accepted and turned into EL', () => {
    expect(normalizeVatNumber('EL 094012834')).toEqual({ countryCode: 'EL', number: '094012834' })
    expect(normalizeVatNumber('GR094012834')).toEqual({ countryCode: 'EL', number: '094012834' })
  })

  test('an old 9-digit Belgian number gets its leading zero', () => {
    expect(normalizeVatNumber('BE 413.562.567')).toEqual({ countryCode: 'BE', number: '0413562567' })
  })

  test.each(['GB123456789', 'XI123456789', 'CHE-123.456.789', 'NO123456789MVA', 'US12-3456789', '123456789', 'NL', '', 'NL 1234/5678', 'DE12345678€'])(
    'rejects %j (no EU prefix, or no usable number)',
    (input) => {
      expect(normalizeVatNumber(input)).toBeNull()
    },
  )
})

describe('isPlausibleVatNumber', () => {
  test('has a format for each of the 27 member states', () => {
    expect(EU_VAT_PREFIXES).toHaveLength(27)
  })

  test.each(REAL_NUMBERS)('accepts the real number %s', (input) => {
    const vat = normalizeVatNumber(input)
    expect(vat).not.toBeNull()
    expect(isPlausibleVatNumber(vat!.countryCode, vat!.number)).toBe(true)
  })

  test.each([
    ['AT', '14243102'], // no U
    ['AT', 'U1424310'], // too short
    ['BE', '2202239951'], // starts with 2
    ['DE', '11386616'], // 8 digits
    ['DK', '105032801'],
    ['ES', '12345678'],
    ['ES', '123456789'], // digits at both ends
    ['FR', 'IO409414364'], // I and O are never used
    ['IE', '6433435'],
    ['IT', '0011843999'],
    ['LT', '1000013541'],
    ['NL', '004495445801'], // 8 instead of B
    ['NL', '004495445B1'],
    ['PL', '52113551'],
    ['RO', '1'],
    ['SE', '5560581158'],
    ['CY', '102466721'],
    ['GB', '123456789'],
    ['XI', '123456789'],
    ['NL', ''],
  ])('rejects %s %s on format', (countryCode, number) => {
    expect(isPlausibleVatNumber(countryCode, number)).toBe(false)
  })

  test('accepts the prefix in lower case and GR for Greece', () => {
    expect(isPlausibleVatNumber('nl', '004495445B01')).toBe(true)
    expect(isPlausibleVatNumber('GR', '094012834')).toBe(true)
  })

  test.each([
    ['NL', '004495446B01'],
    ['NL', '123456789B90'],
    ['NL', '000099998B58'],
    ['BE', '0406139583'],
    ['BE', '0793013186'],
    ['DE', '125014855'],
    ['DE', '266297673'],
  ])('rejects %s %s on its check digit', (countryCode, number) => {
    expect(isPlausibleVatNumber(countryCode, number)).toBe(false)
  })
})

describe('check digits', () => {
  test('NL: the 2020 btw-id (mod 97 over "NL" + number, letters A=10 …)', () => {
    // The Belastingdienst's own example of a btw-id; its 9 digits are not 11-proof.
    expect(isValidNlChecksum('000099998B57')).toBe(true)
    expect(isValidNlChecksum('000099998B75')).toBe(false)
  })

  test('NL: the older RSIN-based number (11-proof), never with suffix B00', () => {
    expect(isValidNlChecksum('004495445B01')).toBe(true)
    expect(isValidNlChecksum('814326584B01')).toBe(true)
    expect(isValidNlChecksum('004495445B00')).toBe(false)
    expect(isValidNlChecksum('004495445C01')).toBe(false)
  })

  test('BE: 97 − (first eight mod 97)', () => {
    expect(isValidBeChecksum('0202239951')).toBe(true)
    expect(isValidBeChecksum('0202239952')).toBe(false)
  })

  test('DE: ISO 7064 MOD 11,10', () => {
    expect(isValidDeChecksum('136308783')).toBe(true)
    expect(isValidDeChecksum('811363057')).toBe(true)
    expect(isValidDeChecksum('136308784')).toBe(false)
  })
})

describe('country codes', () => {
  test('ISO country ↔ VAT prefix', () => {
    expect(vatPrefixForCountry('gr')).toBe('EL')
    expect(vatPrefixForCountry('NL')).toBe('NL')
    expect(vatPrefixForCountry('GB')).toBeNull()
    expect(vatPrefixForCountry('CH')).toBeNull()
    expect(countryForVatPrefix('EL')).toBe('GR')
    expect(countryForVatPrefix('DE')).toBe('DE')
  })
})
