import type { AppDeps } from '../deps.ts'
import type { TxDeps } from '../transaction.ts'
import { amsterdamDate, insertInvoice, type StoredDocument } from './invoice-document.ts'
import type { InvoiceRow, OrderRow } from './types.ts'

const CORRECTION_TEXT = {
  refundFailed: {
    nl: {
      line: 'Niet uitgevoerde terugbetaling – creditnota',
      note: 'Niets te betalen: deze factuur corrigeert de creditnota, omdat de terugbetaling niet is uitgevoerd. We nemen contact met je op om opnieuw terug te betalen.',
    },
    en: {
      line: 'Refund not carried out – credit note',
      note: 'Nothing to pay: this invoice corrects the credit note, because the refund was not carried out. We will contact you to refund again.',
    },
  },
  chargebackReversed: {
    nl: {
      line: 'Teruggedraaide terugboeking – creditnota',
      note: 'Niets te betalen: deze factuur corrigeert de creditnota, omdat de bank de terugboeking heeft teruggedraaid; het bedrag is weer aan ons betaald.',
    },
    en: {
      line: 'Chargeback reversed – credit note',
      note: 'Nothing to pay: this invoice corrects the credit note, because the bank reversed the chargeback; the amount has been paid to us again.',
    },
  },
} as const

/**
 * A credit note whose money did not leave after all — a refund Mollie did not carry out, or a
 * chargeback the bank reversed: an invoice with the credit note's amounts turned positive, referring
 * to it, so the books again show the money we kept. One per credit note (a unique index).
 */
export function issueCreditNoteCorrection(
  tx: TxDeps<Pick<AppDeps, 'db' | 'seller'>>,
  input: { order: OrderRow; creditNote: InvoiceRow; because: keyof typeof CORRECTION_TEXT; now: Date },
) {
  const now = input.now
  const text = CORRECTION_TEXT[input.because][input.order.locale]
  const lines = (input.creditNote.document as StoredDocument).lines
  return insertInvoice(tx, {
    kind: 'invoice',
    order: input.order,
    lines: lines.map((line) => ({
      ...line,
      description: `${text.line} ${input.creditNote.number}`,
      unitPriceExclCents: -line.unitPriceExclCents,
      amountExclCents: -line.amountExclCents,
      vatCents: -line.vatCents,
      amountInclCents: -line.amountInclCents,
    })),
    supplyDate: amsterdamDate(now),
    paymentNote: text.note,
    corrects: input.creditNote,
    now,
  })
}
