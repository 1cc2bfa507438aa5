import { and, count, coupons, eq, gt, inArray, ne, orders, sql, type DbOrTx } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { CouponDiscount } from './pricing.ts'

export type CouponRow = typeof coupons.$inferSelect

/**
 * An unpaid order holds its coupon this long, so a limited coupon cannot be spent twice by buyers
 * paying at the same time. Mollie expires most open payments after 15 minutes.
 */
export const COUPON_RESERVATION_MS = 60 * 60_000

/**
 * How many of a limited coupon's reservations one member may hold at once (unpaid orders of the last
 * hour), so one member cannot block it for everyone by starting checkouts and not paying.
 */
export const COUPON_RESERVATIONS_PER_MEMBER = 2

export function couponDiscount(coupon: CouponRow): CouponDiscount {
  return coupon.kind === 'percent' ? { kind: 'percent', percentOff: coupon.percentOff! } : { kind: 'amount', amountOffCents: coupon.amountOffCents! }
}

/** Finds a usable coupon; `lock` takes the row lock that makes the redemption limit hold under concurrency. */
export async function usableCoupon(
  db: DbOrTx,
  input: { code: string; productId: string; now: Date; userId?: string | null; exceptOrderId?: string; lock?: boolean },
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
    const reserved = await reservedCount(db, { couponId: coupon.id, now: input.now, exceptOrderId: input.exceptOrderId, userId: input.userId ?? null })
    if (coupon.redemptionCount + reserved.all >= coupon.maxRedemptions) throw new AppError('BAD_REQUEST', 'checkout.couponExhausted')
    if (reserved.byMember >= COUPON_RESERVATIONS_PER_MEMBER) throw new AppError('BAD_REQUEST', 'checkout.couponHeldByYou')
  }
  return coupon
}

/** Unpaid recent orders holding the coupon: all of them, and those of the member asking. */
async function reservedCount(
  db: DbOrTx,
  input: { couponId: string; now: Date; exceptOrderId: string | undefined; userId: string | null },
): Promise<{ all: number; byMember: number }> {
  const since = new Date(input.now.getTime() - COUPON_RESERVATION_MS)
  const [row] = await db
    .select({ all: count(), byMember: input.userId ? count(sql`case when ${orders.userId} = ${input.userId} then 1 end`) : sql<number>`0`.mapWith(Number) })
    .from(orders)
    .where(
      and(
        eq(orders.couponId, input.couponId),
        inArray(orders.status, ['open', 'pending']),
        gt(orders.createdAt, since),
        input.exceptOrderId ? ne(orders.id, input.exceptOrderId) : sql`true`,
      ),
    )
  return { all: row?.all ?? 0, byMember: row?.byMember ?? 0 }
}
