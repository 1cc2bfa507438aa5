import { invoiceCounters, invoices, sql, type Tx } from '@jouwbot/db'
import type { InvoiceDocument, InvoiceLine } from '@jouwbot/pdf'
import type { AppDeps } from '../deps.ts'
import type { TxDeps } from '../transaction.ts'
import type { InvoiceRow, OrderRow } from './types.ts'

/*
 * What every invoice and credit note shares: the gap-free number, the stored document, and its
 * printable form. The issuing services are issue-invoice, issue-credit-note and
 * issue-credit-note-correction; get-invoice-pdf renders and keeps the PDF.
 */

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
async function nextInvoiceNumber(tx: Tx, year: number): Promise<{ sequence: number; number: string }> {
  const [row] = await tx
    .insert(invoiceCounters)
    .values({ year, lastSequence: 1 })
    .onConflictDoUpdate({ target: invoiceCounters.year, set: { lastSequence: sql`${invoiceCounters.lastSequence} + 1` } })
    .returning({ sequence: invoiceCounters.lastSequence })
  return { sequence: row!.sequence, number: `${year}-${String(row!.sequence).padStart(6, '0')}` }
}

/** What is stored of the printed document: dates as ISO strings, the VAT number kept apart (encrypted). */
export type StoredDocument = Omit<InvoiceDocument, 'issueDate' | 'supplyDate' | 'correctsInvoice' | 'buyer'> & {
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

export interface NewInvoice {
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
  now: Date
}

/** Numbers, stores and returns one invoice or credit note, inside the calling transaction. */
export async function insertInvoice(tx: TxDeps<Pick<AppDeps, 'db' | 'seller'>>, input: NewInvoice): Promise<InvoiceRow> {
  const now = input.now
  const issueDate = amsterdamDate(now)
  const year = Number(issueDate.slice(0, 4))
  const { sequence, number } = await nextInvoiceNumber(tx.db, year)
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
    seller: tx.seller,
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
  const [row] = await tx.db
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

/** The printable document of a stored invoice (the VAT number decrypted for printing only). */
export function invoiceDocumentOf(deps: Pick<AppDeps, 'cipher'>, row: InvoiceRow): InvoiceDocument {
  const stored = row.document as StoredDocument
  return {
    ...stored,
    issueDate: new Date(`${stored.issueDate}T12:00:00Z`),
    supplyDate: new Date(`${stored.supplyDate}T12:00:00Z`),
    correctsInvoice: stored.correctsInvoice ? { number: stored.correctsInvoice.number, issueDate: new Date(`${stored.correctsInvoice.issueDate}T12:00:00Z`) } : null,
    buyer: { ...stored.buyer, vatNumber: row.buyerVatNumberEncrypted ? deps.cipher.decrypt(row.buyerVatNumberEncrypted) : null },
  }
}
