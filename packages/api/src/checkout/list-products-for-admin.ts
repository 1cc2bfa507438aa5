import { asc, products } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'

/** Every product, active or not, in shop order. */
export function listProductsForAdmin(deps: AppDeps) {
  return deps.db.select().from(products).orderBy(asc(products.position), asc(products.priceCents))
}
