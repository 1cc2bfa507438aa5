import { createTranslator, type CatalogKey, type CatalogValues } from '@jouwbot/shared/catalogs'
import en from './i18n/en.json'
import nl from './i18n/nl.json'

/**
 * The words printed on invoices, credit notes and certificates: ./i18n/{nl,en}.json, the scheme of the
 * web catalogs (nested keys, `{{name}}` placeholders, plain text), checked by the shared catalog checks.
 * Seller details never live here: they come from the document.
 */
export type PdfLocale = 'nl' | 'en'
export type PdfTextKey = CatalogKey<typeof nl>
export type PdfTranslate = (key: PdfTextKey, values?: CatalogValues) => string

// Typed as the Dutch catalog: a key the code uses that is missing from nl.json fails typecheck.
export const pdfTexts: Record<PdfLocale, PdfTranslate> = { nl: createTranslator(nl), en: createTranslator<typeof nl>(en) }
