import type { UserRow } from '@jouwbot/auth'
import { coupons, inArray, products } from '@jouwbot/db'
import { AppError, type adminCreateCouponInput } from '@jouwbot/shared'
import type { z } from 'zod'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

/** A new coupon; its code is unique (a taken code is refused, not overwritten). */
export async function createCoupon(deps: AppDeps, admin: UserRow, input: z.output<typeof adminCreateCouponInput>) {
  const now = deps.clock.now()
  return inTransaction(deps, async ({ db: tx }) => {
    const productRows = input.productSlugs.length > 0 ? await tx.select({ id: products.id }).from(products).where(inArray(products.slug, input.productSlugs)) : []
    if (productRows.length !== new Set(input.productSlugs).size) throw new AppError('NOT_FOUND', 'checkout.productNotFound')
    const [coupon] = await tx
      .insert(coupons)
      .values({
        code: input.code,
        kind: input.kind,
        percentOff: input.percentOff,
        amountOffCents: input.amountOffCents,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        maxRedemptions: input.maxRedemptions,
        productIds: productRows.map((row) => row.id),
        createdAt: now,
        createdBy: admin.id,
      })
      .onConflictDoNothing()
      .returning()
    if (!coupon) throw new AppError('CONFLICT', 'admin.couponCodeTaken')
    await recordAudit(tx, { actorUserId: admin.id, subjectUserId: null, action: 'admin.coupon_created', details: { couponId: coupon.id, code: coupon.code } }, now)
    return coupon
  })
}
