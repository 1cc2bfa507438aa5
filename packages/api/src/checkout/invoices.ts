import { createHash } from 'node:crypto'
import { coupons, eq, invoiceCounters, invoicePdfs, invoices, sql, type DbOrTx, type orderLines, type orders } from '@jouwbot/db'
import { formatInvoiceDate, renderInvoicePdf } from '@jouwbot/pdf'
import type { InvoiceDocument, InvoiceLine } from '@jouwbot/pdf'
import type { AppDeps } from '../deps.ts'
import { splitRefund, vatIncluded } from './pricing.ts'

type OrderRow = typeof orders.$inferSelect
type OrderLineRow = typeof orderLines.$inferSelect
export type InvoiceRow = typeof invoices.$inferSelect

/** Bookkeeping records are kept 7 years after the end of the year they belong to (AWR art. 52). */
export const RETENTION_YEARS = 7

/** The calendar date in Amsterdam, as YYYY-MM-DD. */
export function amsterdamDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}

/**
 * The next number in the year's series. The counter row stays locked until the calling transaction
 * ends, so concurrent payments queue here and a rolled-back transaction gives its number back:
 * the series has no gaps and no doubles.
 */
async function nextInvoiceNumber(tx: DbOrTx, year: number): Promise<{ sequence: number; number: string }> {
  const [row] = await tx
    .insert(invoiceCounters)
    .values({ year, lastSequence: 1 })
    .onConflictDoUpdate({ target: invoiceCounters.year, set: { lastSequence: sql`${invoiceCounters.lastSequence} + 1` } })
    .returning({ sequence: invoiceCounters.lastSequence })
  return { sequence: row!.sequence, number: `${year}-${String(row!.sequence).padStart(6, '0')}` }
}

/** What is stored of the printed document: dates as ISO strings, the VAT number kept apart (encrypted). */
type StoredDocument = Omit<InvoiceDocument, 'issueDate' | 'supplyDate' | 'correctsInvoice' | 'buyer'> & {
  issueDate: string
  supplyDate: string
  correctsInvoice: { number: string; issueDate: string } | null
  buyer: Omit<InvoiceDocument['buyer'], 'vatNumber'>
}

function buyerOf(order: OrderRow) {
  const billing = order.billing
  return {
    name: billing.name,
    company: billing.company,
    addressLines: [billing.addressLine, `${billing.postalCode} ${billing.city}`],
    country: billing.country,
    email: order.buyerEmail,
  }
}

interface NewInvoice {
  kind: 'invoice' | 'credit_note'
  order: OrderRow
  lines: InvoiceLine[]
  supplyDate: string
  paymentNote: string | null
  /** An original invoice is issued in the paying transaction: paid. */
  paid?: boolean
  corrects: InvoiceRow | null
  refundId?: string
  chargebackId?: string
}

async function insertInvoice(tx: DbOrTx, deps: AppDeps, input: NewInvoice, now: Date): Promise<InvoiceRow> {
  const issueDate = amsterdamDate(now)
  const year = Number(issueDate.slice(0, 4))
  const { sequence, number } = await nextInvoiceNumber(tx, year)
  const groups = new Map<number, { baseCents: number; vatCents: number }>()
  for (const line of input.lines) {
    const group = groups.get(line.vatRateBasisPoints) ?? { baseCents: 0, vatCents: 0 }
    group.baseCents += line.amountExclCents
    group.vatCents += line.vatCents
    groups.set(line.vatRateBasisPoints, group)
  }
  const totalExclCents = input.lines.reduce((sum, line) => sum + line.amountExclCents, 0)
  const totalVatCents = input.lines.reduce((sum, line) => sum + line.vatCents, 0)
  const document: StoredDocument = {
    kind: input.kind,
    number,
    issueDate,
    supplyDate: input.supplyDate,
    seller: deps.seller,
    buyer: buyerOf(input.order),
    lines: input.lines,
    vatGroups: [...groups].map(([vatRateBasisPoints, group]) => ({ vatRateBasisPoints, ...group })),
    totalExclCents,
    totalVatCents,
    totalInclCents: totalExclCents + totalVatCents,
    reverseCharge: input.order.reverseCharge,
    correctsInvoice: input.corrects ? { number: input.corrects.number, issueDate: input.corrects.issueDate } : null,
    orderReference: input.order.id,
    paymentNote: input.paymentNote,
    ...(input.paid !== undefined && { paid: input.paid }),
    locale: input.order.locale,
  }
  const [row] = await tx
    .insert(invoices)
    .values({
      kind: input.kind,
      number,
      year,
      sequence,
      orderId: input.order.id,
      userId: input.order.userId,
      refundId: input.refundId ?? null,
      chargebackId: input.chargebackId ?? null,
      correctsInvoiceId: input.corrects?.id ?? null,
      issueDate,
      supplyDate: input.supplyDate,
      totalExclCents,
      totalVatCents,
      totalCents: totalExclCents + totalVatCents,
      document,
      // Already encrypted on the order; copied as is so the invoice never depends on the order row.
      buyerVatNumberEncrypted: input.order.vatNumberEncrypted,
      retainUntil: `${year + RETENTION_YEARS}-12-31`,
      createdAt: now,
    })
    .returning()
  return row!
}

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
export async function issueInvoice(tx: DbOrTx, deps: AppDeps, order: OrderRow, lines: OrderLineRow[], paidAt: Date, paymentId: string, now: Date) {
  const nl = order.locale === 'nl'
  const [coupon] = order.couponId ? await tx.select({ code: coupons.code }).from(coupons).where(eq(coupons.id, order.couponId)).limit(1) : []
  return insertInvoice(
    tx,
    deps,
    {
      kind: 'invoice',
      order,
      paid: true,
      lines: lines.map((line) => invoiceLineOf(line, coupon?.code ?? null, order.locale)),
      supplyDate: amsterdamDate(paidAt),
      paymentNote: `${nl ? 'Betaald via Mollie op' : 'Paid through Mollie on'} ${formatInvoiceDate(paidAt, order.locale)} (${paymentId}).`,
      corrects: null,
    },
    now,
  )
}

/** A credit note for a refund or chargeback: negative amounts, referring to the order's invoice. */
export function issueCreditNote(
  tx: DbOrTx,
  deps: AppDeps,
  input: { order: OrderRow; invoice: InvoiceRow; amountCents: number; vatRateBasisPoints: number; refundId?: string; chargebackId?: string },
  now: Date,
) {
  const { exclCents, vatCents } = splitRefund(input.amountCents, input.order.reverseCharge ? 0 : input.vatRateBasisPoints)
  const nl = input.order.locale === 'nl'
  const what = input.chargebackId ? (nl ? 'Terugboeking (chargeback)' : 'Chargeback') : nl ? 'Terugbetaling' : 'Refund'
  return insertInvoice(
    tx,
    deps,
    {
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
    },
    now,
  )
}

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
  tx: DbOrTx,
  deps: AppDeps,
  input: { order: OrderRow; creditNote: InvoiceRow; because: keyof typeof CORRECTION_TEXT },
  now: Date,
) {
  const text = CORRECTION_TEXT[input.because][input.order.locale]
  const lines = (input.creditNote.document as StoredDocument).lines
  return insertInvoice(
    tx,
    deps,
    {
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
    },
    now,
  )
}

/** The printable document of a stored invoice (the VAT number decrypted for printing only). */
export function invoiceDocumentOf(deps: AppDeps, row: InvoiceRow): InvoiceDocument {
  const stored = row.document as StoredDocument
  return {
    ...stored,
    issueDate: new Date(`${stored.issueDate}T12:00:00Z`),
    supplyDate: new Date(`${stored.supplyDate}T12:00:00Z`),
    correctsInvoice: stored.correctsInvoice ? { number: stored.correctsInvoice.number, issueDate: new Date(`${stored.correctsInvoice.issueDate}T12:00:00Z`) } : null,
    buyer: { ...stored.buyer, vatNumber: row.buyerVatNumberEncrypted ? deps.cipher.decrypt(row.buyerVatNumberEncrypted) : null },
  }
}

/**
 * The PDF, rendered the first time anyone needs it and stored; later downloads get the stored bytes.
 * Two first requests at once may both render, but only one insert wins and both return its bytes.
 */
export async function invoicePdf(deps: AppDeps, row: InvoiceRow): Promise<Uint8Array> {
  const stored = await storedPdf(deps.db, row.id)
  if (stored) return stored
  const pdf = await renderInvoicePdf(invoiceDocumentOf(deps, row))
  await deps.db
    .insert(invoicePdfs)
    .values({ invoiceId: row.id, pdf, sha256: createHash('sha256').update(pdf).digest('hex'), createdAt: deps.clock.now() })
    .onConflictDoNothing()
  return (await storedPdf(deps.db, row.id))!
}

async function storedPdf(db: DbOrTx, invoiceId: string): Promise<Uint8Array | null> {
  const [row] = await db.select({ pdf: invoicePdfs.pdf }).from(invoicePdfs).where(eq(invoicePdfs.invoiceId, invoiceId)).limit(1)
  return row ? new Uint8Array(row.pdf) : null
}
