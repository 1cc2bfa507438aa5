/**
 * Translation catalogs, one scheme for the web client, mails and PDFs: nested JSON per locale
 * (`nl.json` first, `en.json` with the same keys), plain-text leaves with i18next-style `{{name}}`
 * placeholders. A sentence that depends on a condition is a key of its own, chosen in code; catalogs
 * hold no logic and no HTML.
 *
 * The checks return their problems as data (one readable line each), so a test is
 * `expect(keyProblems(catalogs)).toEqual([])` and a failure lists every problem at once.
 */

/**
 * The dotted paths of the string leaves of a nested catalog type, e.g. `'invoice.title'` (lists of
 * paragraphs are not looked up one by one, so they have no key here).
 */
export type CatalogKey<T> = {
  [K in keyof T & string]: T[K] extends string ? K : T[K] extends readonly unknown[] ? never : T[K] extends object ? `${K}.${CatalogKey<T[K]>}` : never
}[keyof T & string]

/** Values for placeholders: plain text (escaping, for HTML, is the caller's job on the whole text). */
export type CatalogValues = Readonly<Record<string, string | number>>

/** Catalogs by locale; the first one is the reference (nl). */
export type CatalogSet = Readonly<Record<string, unknown>>

const PLACEHOLDER = /\{\{(\w+)\}\}/g

/**
 * Every leaf of a nested catalog by its dotted path. An array (a list of paragraphs, read by i18next
 * with `returnObjects`) counts by index, `terms.offer.text.0`, so every locale has as many.
 */
export function flattenCatalog(catalog: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (catalog && typeof catalog === 'object') {
    for (const [key, child] of Object.entries(catalog)) {
      for (const [path, leaf] of flattenCatalog(child, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf)
    }
  } else {
    out.set(prefix, catalog)
  }
  return out
}

/** The placeholder names in a text, sorted, once each: `'{{a}} en {{b}} en {{a}}'` → `['a', 'b']`. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))].sort()
}

/**
 * Fills the `{{name}}` placeholders of a text. A placeholder without a value throws: a mail or PDF
 * must never go out with `{{email}}` in it.
 */
export function interpolate(text: string, values: CatalogValues = {}): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`No value for ${whole} in "${text}"`)
    return String(value)
  })
}

/**
 * A typed look-up in one locale's catalog: `t('invoice.page', { page: 1, count: 2 })`. The key type
 * comes from the catalog's JSON type, so a key missing from the (reference) catalog fails typecheck.
 */
export function createTranslator<T extends object>(catalog: T): (key: CatalogKey<T>, values?: CatalogValues) => string {
  const texts = flattenCatalog(catalog)
  return (key, values) => {
    const text = texts.get(key)
    if (typeof text !== 'string') throw new Error(`No catalog text for "${key}"`)
    return interpolate(text, values)
  }
}

function flattenAll(catalogs: CatalogSet): [string, Map<string, unknown>][] {
  return Object.entries(catalogs).map(([locale, catalog]) => [locale, flattenCatalog(catalog)])
}

/** Every locale has exactly the keys of the first (reference) locale. */
export function keyProblems(catalogs: CatalogSet): string[] {
  const [reference, ...others] = flattenAll(catalogs)
  if (!reference) return []
  const [referenceLocale, referenceTexts] = reference
  const problems: string[] = []
  for (const [locale, texts] of others) {
    for (const key of referenceTexts.keys()) if (!texts.has(key)) problems.push(`${locale}: "${key}" is missing (it is in ${referenceLocale})`)
    for (const key of texts.keys()) if (!referenceTexts.has(key)) problems.push(`${locale}: "${key}" is not in ${referenceLocale}`)
  }
  return problems
}

/** Every key has the same placeholders in every locale. */
export function placeholderProblems(catalogs: CatalogSet): string[] {
  const [reference, ...others] = flattenAll(catalogs)
  if (!reference) return []
  const [referenceLocale, referenceTexts] = reference
  const problems: string[] = []
  for (const [key, text] of referenceTexts) {
    if (typeof text !== 'string') continue
    const expected = placeholders(text).join(', ')
    for (const [locale, texts] of others) {
      const other = texts.get(key)
      if (typeof other !== 'string') continue
      const actual = placeholders(other).join(', ')
      if (actual !== expected) problems.push(`${locale}: "${key}" has placeholders [${actual}], ${referenceLocale} has [${expected}]`)
    }
  }
  return problems
}

/**
 * Every leaf is a non-empty string, and braces only appear as well-formed `{{name}}` placeholders
 * (a `{{ name }}` or `{name}` would silently stay in the output).
 */
export function textProblems(catalogs: CatalogSet): string[] {
  const problems: string[] = []
  for (const [locale, texts] of flattenAll(catalogs)) {
    for (const [key, text] of texts) {
      if (typeof text !== 'string') problems.push(`${locale}: "${key}" is not a text (${text === null ? 'null' : typeof text})`)
      else if (text.trim() === '') problems.push(`${locale}: "${key}" is empty`)
      else if (/[{}]/.test(text.replace(PLACEHOLDER, ''))) problems.push(`${locale}: "${key}" has a malformed placeholder: ${text}`)
    }
  }
  return problems
}

/** The given keys (e.g. every error key the server can send) are texts in every locale. */
export function requiredKeyProblems(catalogs: CatalogSet, keys: Iterable<string>): string[] {
  const problems: string[] = []
  const all = flattenAll(catalogs)
  for (const key of keys) {
    for (const [locale, texts] of all) if (typeof texts.get(key) !== 'string') problems.push(`${locale}: "${key}" is not translated`)
  }
  return problems
}

/** All of the checks above. */
export function catalogProblems(catalogs: CatalogSet, { requiredKeys = [] }: { requiredKeys?: Iterable<string> } = {}): string[] {
  return [...keyProblems(catalogs), ...placeholderProblems(catalogs), ...textProblems(catalogs), ...requiredKeyProblems(catalogs, requiredKeys)]
}
