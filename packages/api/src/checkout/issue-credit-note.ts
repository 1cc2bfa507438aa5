import type { AppDeps } from '../deps.ts'
import type { TxDeps } from '../transaction.ts'
import { amsterdamDate, insertInvoice } from './invoice-document.ts'
import { splitRefund } from './pricing.ts'
import type { InvoiceRow, OrderRow } from './types.ts'

/** A credit note for a refund or chargeback: negative amounts, referring to the order's invoice. */
export function issueCreditNote(
  tx: TxDeps<Pick<AppDeps, 'db' | 'seller'>>,
  input: { order: OrderRow; invoice: InvoiceRow; amountCents: number; vatRateBasisPoints: number; refundId?: string; chargebackId?: string; now: Date },
) {
  const now = input.now
  const { exclCents, vatCents } = splitRefund(input.amountCents, input.order.reverseCharge ? 0 : input.vatRateBasisPoints)
  const nl = input.order.locale === 'nl'
  const what = input.chargebackId ? (nl ? 'Terugboeking (chargeback)' : 'Chargeback') : nl ? 'Terugbetaling' : 'Refund'
  return insertInvoice(tx, {
    kind: 'credit_note',
    order: input.order,
    lines: [
      {
        description: `${what} – ${nl ? 'factuur' : 'invoice'} ${input.invoice.number}`,
        quantity: 1,
        unitPriceExclCents: -exclCents,
        amountExclCents: -exclCents,
        vatRateBasisPoints: input.order.reverseCharge ? 0 : input.vatRateBasisPoints,
        vatCents: -vatCents,
        amountInclCents: -input.amountCents,
      },
    ],
    supplyDate: amsterdamDate(now),
    paymentNote: null,
    corrects: input.invoice,
    refundId: input.refundId,
    chargebackId: input.chargebackId,
    now,
  })
}
