import type { UserRow } from '@jouwbot/auth'
import { and, eq, orderLines, orders, type DbOrTx } from '@jouwbot/db'
import { AppError, type checkoutStartInput } from '@jouwbot/shared'
import type { z } from 'zod'
import { enforceRateLimit } from '../auth/rate-limits.ts'
import { hasCourseAccess } from '../courses/access.ts'
import type { AppDeps } from '../deps.ts'
import { recordStatEvent } from '../marketing/stats/record-stat-event.ts'
import { inTransaction } from '../transaction.ts'
import { activeProductBySlug, toPricedProduct } from './catalog.ts'
import { couponDiscount, usableCoupon } from './coupons.ts'
import { startPaymentAttempt } from './start-payment-attempt.ts'
import { priceOrder } from './pricing.ts'
import { checkoutRateLimits } from './rate-limits.ts'
import { vatTreatment } from './vat.ts'

type StartInput = z.output<typeof checkoutStartInput>

/**
 * Stores the order first (lines, prices and VAT computed here), then opens a Mollie payment for it.
 * The client's `requestId` makes a repeated submit return the same order and payment.
 */
export async function startCheckout(deps: AppDeps, buyer: UserRow, input: StartInput): Promise<{ orderId: string; checkoutUrl: string }> {
  // Every start may call Mollie: a member cannot make us call it without end.
  await enforceRateLimit(deps, checkoutRateLimits.paymentStartsPerMember, `user:${buyer.id}`)
  const existing = await orderByRequest(deps.db, buyer.id, input.requestId)
  if (existing) return startPaymentAttempt(deps, existing.id)

  const product = await activeProductBySlug(deps.db, input.productSlug)
  if (product.courseId && !input.waiveWithdrawal) throw new AppError('BAD_REQUEST', 'validation.waiveWithdrawal')
  if (product.courseId && product.coachingCredits === 0 && (await hasCourseAccess(deps.db, buyer, product.courseId))) {
    throw new AppError('CONFLICT', 'checkout.alreadyOwned')
  }
  const vat = await vatTreatment(deps, { vatNumber: input.billing.vatNumber, country: input.billing.country })
  const now = deps.clock.now()

  const orderId = await inTransaction(deps, async ({ db: tx }) => {
    const coupon = input.couponCode ? await usableCoupon(tx, { code: input.couponCode, productId: product.id, userId: buyer.id, now, lock: true }) : null
    const priced = priceOrder(toPricedProduct(product, input.locale), coupon ? couponDiscount(coupon) : null, { reverseCharge: vat.reverseCharge })
    const [order] = await tx
      .insert(orders)
      .values({
        userId: buyer.id,
        requestId: input.requestId,
        locale: input.locale,
        couponId: coupon?.id ?? null,
        discountCents: priced.discountCents,
        totalExclCents: priced.totalExclCents,
        totalVatCents: priced.totalVatCents,
        totalCents: priced.totalCents,
        reverseCharge: vat.reverseCharge,
        buyerEmail: buyer.email,
        billing: {
          name: input.billing.name,
          company: input.billing.company,
          addressLine: input.billing.addressLine,
          postalCode: input.billing.postalCode,
          city: input.billing.city,
          country: input.billing.country,
        },
        vatNumberEncrypted: vat.vatNumber ? deps.cipher.encrypt(vat.vatNumber) : null,
        vatCheck: vat.check,
        mode: deps.payments.mode,
        withdrawalWaivedAt: product.courseId ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: orders.id })
    // A concurrent submit with the same requestId won the insert: use its order.
    if (!order) return (await orderByRequest(tx, buyer.id, input.requestId))!.id
    await tx.insert(orderLines).values(priced.lines.map((line) => ({ ...line, orderId: order.id })))
    // marketing (statistics): a count without the order or buyer; cannot fail the checkout.
    await recordStatEvent({ ...deps, db: tx }, { name: 'checkout_started', userId: buyer.id })
    return order.id
  })
  return startPaymentAttempt(deps, orderId)
}

async function orderByRequest(db: DbOrTx, userId: string, requestId: string) {
  const [order] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.userId, userId), eq(orders.requestId, requestId)))
    .limit(1)
  return order
}
