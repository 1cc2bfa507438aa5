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
  /** Negative on a credit note. */
  unitPriceExclCents: number
  amountExclCents: number
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
  /** Our order id, shown as reference. */
  orderReference: string
  /** e.g. "Betaald via Mollie op 25 november 2026 (tr_abc123)". Already localised. */
  paymentNote?: string | null
  locale: 'nl' | 'en'
}
