import type { couponPreviewInput, Locale } from '@jouwbot/shared'
import type { z } from 'zod'
import type { AppDeps } from '../deps.ts'
import { activeProductBySlug, toPricedProduct } from './catalog.ts'
import { couponDiscount, usableCoupon } from './coupons.ts'
import { priceOrder } from './pricing.ts'

/** What the checkout form shows for a coupon; the order is priced again on the server when it starts. */
export async function previewCoupon(deps: AppDeps, input: z.output<typeof couponPreviewInput> & { locale: Locale }) {
  const { locale } = input
  const product = await activeProductBySlug(deps.db, input.productSlug)
  const coupon = await usableCoupon(deps.db, { code: input.couponCode, productId: product.id, now: deps.clock.now() })
  const priced = priceOrder(toPricedProduct(product, locale), couponDiscount(coupon), { reverseCharge: false })
  return { code: coupon.code, discountCents: priced.discountCents, totalCents: priced.totalCents }
}
