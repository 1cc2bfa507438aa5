/**
 * Everything printed on an invoice or credit note, fully computed by the checkout service.
 * The renderer only lays it out; it never calculates money.
 */
export interface InvoiceParty {
  name: string
  company?: string | null
  /** Street, postcode + city, … one line each. */
  addressLines: string[]
  /** ISO 3166-1 alpha-2, e.g. NL. */
  country: string
  vatNumber?: string | null
  email?: string | null
}

export interface InvoiceSeller extends InvoiceParty {
  kvkNumber: string
  vatNumber: string
  iban?: string | null
}

export interface InvoiceLine {
  description: string
  quantity: number
  /** Negative on a credit note. The list price when a discount follows (art. 35a lid 1 sub g Wet OB). */
  unitPriceExclCents: number
  /** What the line costs after its discount: quantity × unit price − discount. */
  amountExclCents: number
  /**
   * A discount not included in the unit price (a coupon): printed as its own row under the line, so
   * the invoice shows list price, discount and net amount, as Dutch invoice rules ask.
   */
  discount?: { label: string; amountExclCents: number } | null
  /** 2100 = 21 %; 0 under reverse charge. */
  vatRateBasisPoints: number
  vatCents: number
  amountInclCents: number
}

export interface InvoiceVatGroup {
  vatRateBasisPoints: number
  baseCents: number
  vatCents: number
}

export interface InvoiceDocument {
  kind: 'invoice' | 'credit_note'
  /** e.g. 2026-000123 */
  number: string
  issueDate: Date
  supplyDate: Date
  seller: InvoiceSeller
  buyer: InvoiceParty
  lines: InvoiceLine[]
  vatGroups: InvoiceVatGroup[]
  totalExclCents: number
  totalVatCents: number
  totalInclCents: number
  /** "btw verlegd": EU business buyer outside NL with a checked VAT number. */
  reverseCharge: boolean
  /** Credit notes refer to the invoice they correct. */
  correctsInvoice?: { number: string; issueDate: Date } | null
  /** Our order id (or its short form), shown as reference; a full uuid is printed short. */
  orderReference: string
  /**
   * Paid when issued (every original invoice is: it is issued in the paying transaction). Prints
   * "Betaald" and "Totaal betaald" instead of "Totaal te betalen". Older documents lack the field:
   * then an original invoice with a payment note counts as paid.
   */
  paid?: boolean
  /** e.g. "Betaald via Mollie op 25 november 2026 (tr_abc123)". Already localised. */
  paymentNote?: string | null
  locale: 'nl' | 'en'
}
