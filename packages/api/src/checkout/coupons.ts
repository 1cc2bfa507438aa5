import { and, count, coupons, eq, gt, inArray, ne, orders, sql, type DbOrTx } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { CouponDiscount } from './pricing.ts'

export type CouponRow = typeof coupons.$inferSelect

/**
 * An unpaid order holds its coupon this long, so a limited coupon cannot be spent twice by buyers
 * paying at the same time. Mollie expires most open payments after 15 minutes.
 */
export const COUPON_RESERVATION_MS = 60 * 60_000

export function couponDiscount(coupon: CouponRow): CouponDiscount {
  return coupon.kind === 'percent' ? { kind: 'percent', percentOff: coupon.percentOff! } : { kind: 'amount', amountOffCents: coupon.amountOffCents! }
}

/** Finds a usable coupon; `lock` takes the row lock that makes the redemption limit hold under concurrency. */
export async function usableCoupon(
  db: DbOrTx,
  input: { code: string; productId: string; now: Date; exceptOrderId?: string; lock?: boolean },
): Promise<CouponRow> {
  const query = db.select().from(coupons).where(eq(coupons.code, input.code)).limit(1)
  const [coupon] = input.lock ? await query.for('update') : await query
  if (!coupon || !coupon.active) throw new AppError('BAD_REQUEST', 'checkout.couponInvalid')
  if ((coupon.validFrom && input.now < coupon.validFrom) || (coupon.validUntil && input.now >= coupon.validUntil)) {
    throw new AppError('BAD_REQUEST', 'checkout.couponExpired')
  }
  if (coupon.productIds.length > 0 && !coupon.productIds.includes(input.productId)) {
    throw new AppError('BAD_REQUEST', 'checkout.couponNotForProduct')
  }
  if (coupon.maxRedemptions !== null) {
    const used = coupon.redemptionCount + (await reservedCount(db, coupon.id, input.now, input.exceptOrderId))
    if (used >= coupon.maxRedemptions) throw new AppError('BAD_REQUEST', 'checkout.couponExhausted')
  }
  return coupon
}

/** Unpaid recent orders holding the coupon. */
async function reservedCount(db: DbOrTx, couponId: string, now: Date, exceptOrderId: string | undefined): Promise<number> {
  const since = new Date(now.getTime() - COUPON_RESERVATION_MS)
  const [row] = await db
    .select({ n: count() })
    .from(orders)
    .where(
      and(
        eq(orders.couponId, couponId),
        inArray(orders.status, ['open', 'pending']),
        gt(orders.createdAt, since),
        exceptOrderId ? ne(orders.id, exceptOrderId) : sql`true`,
      ),
    )
  return row?.n ?? 0
}
