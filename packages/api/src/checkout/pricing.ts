/**
 * Prices are consumer prices incl. VAT in integer cents. The server computes every amount from the
 * product and coupon rows; nothing a client sends about money is ever used.
 */

export interface PricedProduct {
  id: string
  name: string
  priceCents: number
  vatRateBasisPoints: number
  courseId: string | null
  coachingCredits: number
}

export type CouponDiscount = { kind: 'percent'; percentOff: number } | { kind: 'amount'; amountOffCents: number }

export interface PricedLine {
  productId: string
  description: string
  quantity: 1
  listPriceCents: number
  discountCents: number
  amountExclCents: number
  vatRateBasisPoints: number
  vatCents: number
  /** What the buyer pays for this line. */
  amountCents: number
  courseId: string | null
  coachingCredits: number
}

export interface PricedOrder {
  lines: PricedLine[]
  discountCents: number
  totalExclCents: number
  totalVatCents: number
  totalCents: number
}

/** Mollie's minimum; a coupon never makes an order free (a free order would skip the payment). */
export const MINIMUM_CHARGE_CENTS = 100

export function discountFor(priceCents: number, coupon: CouponDiscount | null): number {
  if (!coupon) return 0
  const raw = coupon.kind === 'percent' ? Math.round((priceCents * coupon.percentOff) / 100) : coupon.amountOffCents
  return Math.max(0, Math.min(raw, priceCents - MINIMUM_CHARGE_CENTS))
}

/** The VAT contained in an amount incl. VAT, rounded half up to the cent. */
export function vatIncluded(amountCents: number, vatRateBasisPoints: number): number {
  return amountCents - Math.round((amountCents * 10_000) / (10_000 + vatRateBasisPoints))
}

/**
 * One line per product (the shop sells one product per order). Under reverse charge the buyer pays
 * the price excl. VAT and the invoice shows 0 % VAT.
 */
export function priceOrder(product: PricedProduct, coupon: CouponDiscount | null, options: { reverseCharge: boolean }): PricedOrder {
  const discountCents = discountFor(product.priceCents, coupon)
  const grossCents = product.priceCents - discountCents
  const includedVat = vatIncluded(grossCents, product.vatRateBasisPoints)
  const amountExclCents = grossCents - includedVat
  const vatCents = options.reverseCharge ? 0 : includedVat
  const line: PricedLine = {
    productId: product.id,
    description: product.name,
    quantity: 1,
    listPriceCents: product.priceCents,
    discountCents,
    amountExclCents,
    vatRateBasisPoints: options.reverseCharge ? 0 : product.vatRateBasisPoints,
    vatCents,
    amountCents: amountExclCents + vatCents,
    courseId: product.courseId,
    coachingCredits: product.coachingCredits,
  }
  return {
    lines: [line],
    discountCents,
    totalExclCents: line.amountExclCents,
    totalVatCents: line.vatCents,
    totalCents: line.amountCents,
  }
}

/** Splits a refund (incl. VAT) of an order into excl. and VAT with the order's rate. */
export function splitRefund(amountCents: number, vatRateBasisPoints: number): { exclCents: number; vatCents: number } {
  const vatCents = vatIncluded(amountCents, vatRateBasisPoints)
  return { exclCents: amountCents - vatCents, vatCents }
}
