import { between, ilike, or, orders, type SQL } from '@jouwbot/db'

/** Where a uuid's text form has its dashes: 8-4-4-4-12 hex digits. */
const DASH_AT = new Set([8, 13, 18, 23])

const asUuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`

/**
 * The order ids a typed order number can be the start of, as an inclusive key range: "1A2B" stands for
 * 1a2b0000-0000-… up to 1a2bffff-ffff-…, which the primary key's btree finds directly (uuids sort by
 * their bytes, which is the order of their hex digits). Dashes may be left out; where typed, they must
 * stand where a uuid has them. Null when the term cannot be the start of an order id.
 */
export function orderIdPrefixRange(term: string): { from: string; to: string } | null {
  const typed = term.toLowerCase()
  if (!/^[0-9a-f-]+$/.test(typed)) return null
  if (typed.includes('-') && [...typed].some((char, index) => (char === '-') !== DASH_AT.has(index))) return null
  const hex = typed.replaceAll('-', '')
  if (hex.length === 0 || hex.length > 32) return null
  return { from: asUuid(hex.padEnd(32, '0')), to: asUuid(hex.padEnd(32, 'f')) }
}

/**
 * Orders whose buyer's e-mail contains the term (case-insensitive, % and _ taken literally; the trigram
 * index orders_email_trgm_idx) or whose order number starts with it (a range on the primary key).
 * No search inside the id: that cannot use an index, and nobody reads the middle of an order id out.
 */
export function orderSearchFilter(term: string): SQL {
  const onEmail = ilike(orders.buyerEmail, `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`)
  const range = orderIdPrefixRange(term)
  return range ? or(onEmail, between(orders.id, range.from, range.to))! : onEmail
}
