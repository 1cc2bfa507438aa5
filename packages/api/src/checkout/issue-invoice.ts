import { formatInvoiceDate } from '@jouwbot/pdf'
import type { AppDeps } from '../deps.ts'
import type { TxDeps } from '../transaction.ts'
import { amsterdamDate, insertInvoice } from './invoice-document.ts'
import type { OrderLineRow, OrderRow } from './types.ts'

/** The invoice of a paid order, inside the paying transaction. */
export function issueInvoice(tx: TxDeps<Pick<AppDeps, 'db' | 'seller'>>, input: { order: OrderRow; lines: OrderLineRow[]; paidAt: Date; paymentId: string; now: Date }) {
  const { order, lines, paidAt, paymentId, now } = input
  const nl = order.locale === 'nl'
  return insertInvoice(tx, {
    kind: 'invoice',
    order,
    lines: lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unitPriceExclCents: Math.round(line.amountExclCents / line.quantity),
      amountExclCents: line.amountExclCents,
      vatRateBasisPoints: line.vatRateBasisPoints,
      vatCents: line.vatCents,
      amountInclCents: line.amountCents,
    })),
    supplyDate: amsterdamDate(paidAt),
    paymentNote: `${nl ? 'Betaald via Mollie op' : 'Paid through Mollie on'} ${formatInvoiceDate(paidAt, order.locale)} (${paymentId}).`,
    corrects: null,
    now,
  })
}
