/**
 * EU VAT identification numbers: normalisation and an offline plausibility check (format + the public
 * check digits of NL, BE and DE). Plausible is not the same as valid: only VIES (see vies.ts) knows
 * whether a number is registered. Use this to catch typos before asking VIES, and as the offline stand-in.
 */

/**
 * The VAT prefixes of the 27 member states. These are ISO 3166-1 alpha-2 codes except Greece, which uses
 * EL. XI (Northern Ireland) is deliberately absent: it only counts as EU for goods, and this platform sells
 * services, for which a Northern-Irish business is a UK business.
 */
export const EU_VAT_PREFIXES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const

export type EuVatPrefix = (typeof EU_VAT_PREFIXES)[number]

const PREFIXES: ReadonlySet<string> = new Set(EU_VAT_PREFIXES)

export function isEuVatPrefix(code: string): code is EuVatPrefix {
  return PREFIXES.has(code)
}

/** ISO country (GR) → VAT prefix (EL); null when the country is not an EU member state. */
export function vatPrefixForCountry(isoCountry: string): EuVatPrefix | null {
  const prefix = toVatPrefix(isoCountry)
  return isEuVatPrefix(prefix) ? prefix : null
}

/** VAT prefix (EL) → ISO country (GR). */
export function countryForVatPrefix(prefix: EuVatPrefix): string {
  return prefix === 'EL' ? 'GR' : prefix
}

/** Upper-cases and turns Greece's ISO code GR into its VAT prefix EL; any other code is returned as is. */
export function toVatPrefix(countryCode: string): string {
  const code = countryCode.trim().toUpperCase()
  return code === 'GR' ? 'EL' : code
}

/** Spaces (any kind), dots and dashes are what people and invoices put between the digits. */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/g

/** Strips separators and upper-cases; keeps the prefix if there is one. */
export function compactVatNumber(input: string): string {
  return input.normalize('NFKC').replace(SEPARATORS, '').toUpperCase()
}

/**
 * "nl 0044.95.445-b01" → { countryCode: 'NL', number: '004495445B01' }. Null when there is no EU prefix
 * or nothing (or something other than letters, digits, "+" and "*", which old Irish numbers use) follows
 * it. The Greek ISO code GR is accepted and turned into EL, the prefix VIES expects. A 9-digit Belgian
 * number (the pre-2005 form) gets its leading 0.
 *
 * This does not check the format of the national part; see isPlausibleVatNumber.
 */
export function normalizeVatNumber(input: string): { countryCode: EuVatPrefix; number: string } | null {
  const compact = compactVatNumber(input)
  const rawPrefix = compact.slice(0, 2)
  const countryCode = rawPrefix === 'GR' ? 'EL' : rawPrefix
  if (!isEuVatPrefix(countryCode)) return null
  let number = compact.slice(2)
  if (number.length === 0 || number.length > 20 || !/^[A-Z0-9+*]+$/.test(number)) return null
  if (countryCode === 'BE' && /^\d{9}$/.test(number)) number = `0${number}`
  return { countryCode, number }
}

/**
 * National-part formats, from the European Commission's VIES FAQ ("VAT number structure" table,
 * ec.europa.eu/taxation_customs/vies/#/faq). The table's notation: 9 = digit, X = letter or digit,
 * S = letter, digit, "+" or "*", L = letter. Its footnotes are folded in where they narrow the pattern
 * (AT starts with U, BE starts with 0 or 1, FR's two leading characters are never I or O, ES has a letter at
 * the start or the end, NL has a B in the 10th position, the new Irish form ends in a letter A–W followed
 * by A–I or W).
 */
const FORMATS: Record<EuVatPrefix, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^(?:[A-Z]\d{7}[A-Z0-9]|\d{8}[A-Z])$/,
  FI: /^\d{8}$/,
  FR: /^[0-9A-HJ-NP-Z]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(?:\d[A-Z0-9+*]\d{5}[A-W]|\d{7}[A-W][A-IW])$/,
  IT: /^\d{11}$/,
  LT: /^(?:\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{12}$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
}

/** Check digits for the member states whose algorithm is public and simple; the rest pass on format alone. */
const CHECKSUMS: Partial<Record<EuVatPrefix, (number: string) => boolean>> = {
  NL: isValidNlChecksum,
  BE: isValidBeChecksum,
  DE: isValidDeChecksum,
}

/**
 * Format (and where known, check digit) of the national part. Accepts the prefix in any case and GR for
 * Greece; the number must already be compact (see normalizeVatNumber).
 */
export function isPlausibleVatNumber(countryCode: string, number: string): boolean {
  const prefix = toVatPrefix(countryCode)
  if (!isEuVatPrefix(prefix)) return false
  if (!FORMATS[prefix].test(number)) return false
  const checksum = CHECKSUMS[prefix]
  return checksum ? checksum(number) : true
}

/**
 * Netherlands, 9 digits + "B" + 2 digits. Two generations are in use:
 * - the btw-id given to sole traders since 1 January 2020: "NL" + the number, letters replaced by
 *   A=10 … Z=35, read as one integer, is 1 modulo 97 (ISO 7064 MOD 97-10, as for an IBAN);
 * - the older number of legal entities (RSIN + B01…), whose first 9 digits pass the "11-proof":
 *   9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11). Its suffix is never B00.
 */
export function isValidNlChecksum(number: string): boolean {
  if (!/^\d{9}B\d{2}$/.test(number)) return false
  return mod97(lettersToDigits(`NL${number}`)) === 1 || (isElevenProof(number.slice(0, 9)) && number.slice(10) !== '00')
}

function isElevenProof(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i])
  sum -= Number(digits[8])
  return sum % 11 === 0
}

function lettersToDigits(value: string): string {
  return value.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55))
}

function mod97(digits: string): number {
  let rest = 0
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97
  return rest
}

/** Belgium, 10 digits: the last two are 97 − (the first eight mod 97). */
export function isValidBeChecksum(number: string): boolean {
  if (!/^\d{10}$/.test(number)) return false
  return 97 - (Number(number.slice(0, 8)) % 97) === Number(number.slice(8))
}

/** Germany, 9 digits: the last one is the ISO 7064 MOD 11,10 check digit of the first eight. */
export function isValidDeChecksum(number: string): boolean {
  if (!/^\d{9}$/.test(number)) return false
  let product = 10
  for (let i = 0; i < 8; i++) {
    let sum = (Number(number[i]) + product) % 10
    if (sum === 0) sum = 10
    product = (2 * sum) % 11
  }
  const check = (11 - product) % 10
  return check === Number(number[8])
}
