import type { Locale } from '@jouwbot/shared'

/**
 * What an order line is called in the interface: the Dutch description frozen on the order (the
 * invoice's wording), or in English the product's English name, so checkout, orders and the price
 * list name a product the same way.
 */
export function lineName(line: { description: string; productNameEn: string | null }, locale: Locale): string {
  return locale === 'en' && line.productNameEn ? line.productNameEn : line.description
}
