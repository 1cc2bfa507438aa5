import { coupons, desc } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'

/** The newest coupons first. */
export function listCoupons(deps: AppDeps) {
  return deps.db.select().from(coupons).orderBy(desc(coupons.createdAt)).limit(200)
}
