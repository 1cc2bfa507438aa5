import type { UserRow } from '@jouwbot/auth'
import { asc, coupons, desc, eq, inArray, products } from '@jouwbot/db'
import { AppError, type adminCreateCouponInput, type adminSetCouponActiveInput, type adminUpdateProductInput, type couponPreviewInput, type Locale } from '@jouwbot/shared'
import type { z } from 'zod'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { activeProductBySlug, toPricedProduct } from './catalog.ts'
import { couponDiscount, usableCoupon } from './coupons.ts'
import { priceOrder } from './pricing.ts'

/** What the checkout form shows for a coupon; the order is priced again on the server when it starts. */
export async function previewCoupon(deps: AppDeps, input: z.output<typeof couponPreviewInput>, locale: Locale) {
  const product = await activeProductBySlug(deps.db, input.productSlug)
  const coupon = await usableCoupon(deps.db, { code: input.couponCode, productId: product.id, now: deps.clock.now() })
  const priced = priceOrder(toPricedProduct(product, locale), couponDiscount(coupon), { reverseCharge: false })
  return { code: coupon.code, discountCents: priced.discountCents, totalCents: priced.totalCents }
}

export function listProductsForAdmin(deps: AppDeps) {
  return deps.db.select().from(products).orderBy(asc(products.position), asc(products.priceCents))
}

export async function updateProduct(deps: AppDeps, admin: UserRow, input: z.output<typeof adminUpdateProductInput>) {
  const { productSlug, ...changes } = input
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(products)
      .set({ ...changes, updatedAt: now })
      .where(eq(products.slug, productSlug))
      .returning()
    if (!updated) throw new AppError('NOT_FOUND', 'checkout.productNotFound')
    await recordAudit(tx, { actorUserId: admin.id, subjectUserId: null, action: 'admin.product_updated', details: { productSlug, ...changes } }, now)
    return updated
  })
}

export function listCoupons(deps: AppDeps) {
  return deps.db.select().from(coupons).orderBy(desc(coupons.createdAt)).limit(200)
}

export async function createCoupon(deps: AppDeps, admin: UserRow, input: z.output<typeof adminCreateCouponInput>) {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
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

export async function setCouponActive(deps: AppDeps, admin: UserRow, input: z.output<typeof adminSetCouponActiveInput>) {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [coupon] = await tx.update(coupons).set({ active: input.active }).where(eq(coupons.id, input.couponId)).returning()
    if (!coupon) throw new AppError('NOT_FOUND', 'checkout.couponInvalid')
    await recordAudit(tx, { actorUserId: admin.id, subjectUserId: null, action: 'admin.coupon_active', details: { couponId: coupon.id, active: input.active } }, now)
    return coupon
  })
}
