import type { UserRow } from '@jouwbot/auth'
import { coupons, eq } from '@jouwbot/db'
import { AppError, type adminSetCouponActiveInput } from '@jouwbot/shared'
import type { z } from 'zod'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

/** Switches a coupon on or off; audit-logged. */
export async function setCouponActive(deps: AppDeps, admin: UserRow, input: z.output<typeof adminSetCouponActiveInput>) {
  const now = deps.clock.now()
  return inTransaction(deps, async ({ db: tx }) => {
    const [coupon] = await tx.update(coupons).set({ active: input.active }).where(eq(coupons.id, input.couponId)).returning()
    if (!coupon) throw new AppError('NOT_FOUND', 'checkout.couponInvalid')
    await recordAudit(tx, { actorUserId: admin.id, subjectUserId: null, action: 'admin.coupon_active', details: { couponId: coupon.id, active: input.active } }, now)
    return coupon
  })
}
