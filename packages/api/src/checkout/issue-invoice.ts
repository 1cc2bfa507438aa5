import { coupons, eq } from '@jouwbot/db'
import { formatInvoiceDate, type InvoiceLine } from '@jouwbot/pdf'
import type { AppDeps } from '../deps.ts'
import type { TxDeps } from '../transaction.ts'
import { amsterdamDate, insertInvoice } from './invoice-document.ts'
import { vatIncluded } from './pricing.ts'
import type { OrderLineRow, OrderRow } from './types.ts'

/**
 * An order line as invoiced. With a coupon, Dutch invoice rules (art. 35a lid 1 sub g Wet OB) ask for
 * the unit price excl. VAT and the discount not included in it: the list price excl. VAT per unit and
 * the discount as its own amount, which together give the line's net amount exactly.
 */
export function invoiceLineOf(line: OrderLineRow, couponCode: string | null, locale: OrderRow['locale']): InvoiceLine {
  const base = {
    description: line.description,
    quantity: line.quantity,
    amountExclCents: line.amountExclCents,
    vatRateBasisPoints: line.vatRateBasisPoints,
    vatCents: line.vatCents,
    amountInclCents: line.amountCents,
  }
  if (line.discountCents <= 0) return { ...base, unitPriceExclCents: Math.round(line.amountExclCents / line.quantity) }
  const grossCents = line.listPriceCents - line.discountCents
  // The list price excl. VAT: from the line's rate, or — under reverse charge (0 % on the line) — in
  // proportion to what the buyer paid excl. VAT.
  const listExclCents =
    line.vatRateBasisPoints > 0
      ? line.listPriceCents - vatIncluded(line.listPriceCents, line.vatRateBasisPoints)
      : Math.round((line.amountExclCents * line.listPriceCents) / grossCents)
  const what = locale === 'nl' ? 'Korting' : 'Discount'
  const code = couponCode ? (locale === 'nl' ? ` (kortingscode ${couponCode})` : ` (coupon ${couponCode})`) : ''
  return {
    ...base,
    unitPriceExclCents: listExclCents,
    discount: { label: `${what}${code}`, amountExclCents: listExclCents * line.quantity - line.amountExclCents },
  }
}

/** The invoice of a paid order, inside the paying transaction. */
export async function issueInvoice(tx: TxDeps<Pick<AppDeps, 'db' | 'seller'>>, input: { order: OrderRow; lines: OrderLineRow[]; paidAt: Date; paymentId: string; now: Date }) {
  const { order, lines, paidAt, paymentId, now } = input
  const nl = order.locale === 'nl'
  const [coupon] = order.couponId ? await tx.db.select({ code: coupons.code }).from(coupons).where(eq(coupons.id, order.couponId)).limit(1) : []
  return insertInvoice(tx, {
    kind: 'invoice',
    order,
    paid: true,
    lines: lines.map((line) => invoiceLineOf(line, coupon?.code ?? null, order.locale)),
    supplyDate: amsterdamDate(paidAt),
    paymentNote: `${nl ? 'Betaald via Mollie op' : 'Paid through Mollie on'} ${formatInvoiceDate(paidAt, order.locale)} (${paymentId}).`,
    corrects: null,
    now,
  })
}
