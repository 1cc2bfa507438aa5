import { PDFDocument, StandardFontEmbedder, StandardFonts, rgb } from 'pdf-lib'
import { formatWholeCents } from '@jouwbot/shared/money'
import { dutchDate } from './certificate.ts'
import type { InvoiceDocument, InvoiceParty } from './invoice-document.ts'
import { pdfTexts } from './texts.ts'

/*
 * Invoices and credit notes in two steps: layoutInvoice() turns an InvoiceDocument into positioned text
 * runs and rules per page (pure, synchronous, testable), renderInvoicePdf() draws exactly those. The
 * renderer never calculates money; everything printed comes from the document.
 */

export type InvoiceFont = 'regular' | 'bold'
export type InvoiceColor = 'ink' | 'muted' | 'brand'

/** One line of text, already WinAnsi-safe; (x, y) is the left end of its baseline in PDF points. */
export interface InvoiceTextRun {
  text: string
  x: number
  y: number
  size: number
  font: InvoiceFont
  color: InvoiceColor
}

/** A horizontal line. */
export interface InvoiceRule {
  x1: number
  x2: number
  y: number
  thickness: number
  color: InvoiceColor
}

export interface InvoicePageLayout {
  texts: InvoiceTextRun[]
  rules: InvoiceRule[]
}

export interface InvoiceLayout {
  /** A4 portrait, in points. */
  width: number
  height: number
  metadata: { title: string; author: string; subject: string; language: string; date: Date }
  pages: InvoicePageLayout[]
}

const A4: [number, number] = [595.28, 841.89]
const MARGIN_X = 50
const RIGHT = A4[0] - MARGIN_X
const TOP = A4[1] - 50
/** Content stops here; the footer lives below it. */
const BOTTOM = 64
const FOOTER_Y = 32

const COLORS: Record<InvoiceColor, ReturnType<typeof rgb>> = {
  brand: rgb(0.36, 0.36, 0.84),
  ink: rgb(0.12, 0.14, 0.25),
  muted: rgb(0.42, 0.45, 0.55),
}

const FONTS: Record<InvoiceFont, StandardFonts> = {
  regular: StandardFonts.Helvetica,
  bold: StandardFonts.HelveticaBold,
}

let metricsCache: Record<InvoiceFont, StandardFontEmbedder> | null = null

/** Metrics only (widths, WinAnsi coverage), loaded on first use; embedding happens in renderInvoicePdf. */
function metrics(): Record<InvoiceFont, StandardFontEmbedder> {
  // StandardFontEmbedder wants @pdf-lib/standard-fonts' FontNames enum, which has the same string values
  // as pdf-lib's StandardFonts but is not re-exported (and not a dependency of this package).
  const load = (font: StandardFonts) => StandardFontEmbedder.for(font as unknown as Parameters<typeof StandardFontEmbedder.for>[0])
  metricsCache ??= { regular: load(FONTS.regular), bold: load(FONTS.bold) }
  return metricsCache
}

function textWidth(text: string, size: number, font: InvoiceFont): number {
  return metrics()[font].widthOfTextAtSize(text, size)
}

/**
 * Makes text drawable with the standard fonts (WinAnsi): NFC, typographic spaces and the minus sign
 * U+2212 mapped to their ASCII look-alikes, line breaks and tabs to spaces, anything else outside
 * WinAnsi (emoji, most non-Latin scripts) to "?". The certificate does the same, more coarsely.
 */
export function winAnsiSafe(text: string): string {
  const encoding = metrics().regular.encoding
  let out = ''
  for (const char of text.normalize('NFC').replace(/[\u2212\u2010\u2011]/g, '-').replace(/[\t\r\n\u2000-\u200a\u202f\u205f\u3000]/g, ' ')) {
    const codePoint = char.codePointAt(0) ?? 0x3f
    out += encoding.canEncodeUnicodeCodePoint(codePoint) ? char : '?'
  }
  return out
}

/**
 * Euro cents the Dutch way: "€ 1.234,56", negative "€ -12,10" (the nl-NL convention, with an ASCII
 * space, and an ASCII hyphen: the minus sign U+2212 is not in WinAnsi). Exact whole cents only.
 */
export function formatEuroCents(cents: number): string {
  return formatWholeCents(cents, 'nl', { space: ' ' })
}

/** 2100 → "21%", 550 → "5,5%", 0 → "0%". */
export function formatVatRate(basisPoints: number): string {
  return `${decimalComma(basisPoints / 100, 2)}%`
}

function formatQuantity(quantity: number): string {
  return decimalComma(quantity, 3)
}

function decimalComma(value: number, maxDecimals: number): string {
  const fixed = value.toFixed(maxDecimals).replace(/\.?0+$/, '')
  return fixed.replace('.', ',')
}

type Locale = InvoiceDocument['locale']

/** A date as printed on invoices: "25 november 2026" / "25 November 2026", Amsterdam time. */
export function formatInvoiceDate(date: Date, locale: Locale): string {
  if (locale === 'nl') return dutchDate(date)
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(date)
}

function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale === 'en' ? 'en-GB' : 'nl-NL'], { type: 'region' }).of(code.toUpperCase()) ?? code
  } catch {
    return code
  }
}

/**
 * Splits text into lines no wider than `width`, on spaces where possible and inside a word only when
 * the word alone is too wide. Explicit line breaks are kept. Returns at least one (possibly empty) line.
 */
export function wrapText(text: string, width: number, size: number, font: InvoiceFont = 'regular'): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\r?\n/)) {
    let line = ''
    for (const word of winAnsiSafe(paragraph).split(' ').filter((w) => w.length > 0)) {
      const candidate = line ? `${line} ${word}` : word
      if (textWidth(candidate, size, font) <= width) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      // A word wider than the column (a URL, an IBAN without spaces): break it by characters.
      let rest = word
      while (textWidth(rest, size, font) > width) {
        let cut = rest.length - 1
        while (cut > 1 && textWidth(rest.slice(0, cut), size, font) > width) cut--
        lines.push(rest.slice(0, cut))
        rest = rest.slice(cut)
      }
      line = rest
    }
    lines.push(line)
  }
  return lines
}

/** Order ids are uuids; the invoice prints the short reference buyers also see at Mollie and on the site. */
export function shortOrderReference(reference: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference) ? reference.slice(0, 8).toUpperCase() : reference
}

/** See InvoiceDocument.paid; documents stored before the field existed fall back to their payment note. */
function isPaid(doc: InvoiceDocument): boolean {
  if (doc.kind !== 'invoice' || doc.correctsInvoice) return false
  return doc.paid ?? Boolean(doc.paymentNote)
}

/** The lines table: left edge of the description, right edges of the number columns. */
const COLUMNS = {
  description: { x: MARGIN_X, width: 228 },
  quantity: { right: 318, width: 40 },
  unitPrice: { right: 408, width: 82 },
  vatRate: { right: 453, width: 38 },
  amount: { right: RIGHT, width: 86 },
}
const TABLE_SIZE = 9
const TABLE_LEADING = 11.5
const HEADER_SIZE = 8
const HEADER_LEADING = 9.5
/** A row's rule sits this far under the baseline of its last line … */
const RULE_BELOW_BASELINE = 6
/** … and the next row's baseline this far under the rule. */
const BASELINE_BELOW_RULE = 13

class PageWriter {
  readonly pages: InvoicePageLayout[] = []
  page!: InvoicePageLayout
  y = TOP

  newPage(): void {
    this.page = { texts: [], rules: [] }
    this.pages.push(this.page)
    this.y = TOP
  }

  text(text: string, x: number, y: number, size: number, font: InvoiceFont = 'regular', color: InvoiceColor = 'ink'): void {
    const value = winAnsiSafe(text)
    if (value.length > 0) this.page.texts.push({ text: value, x: round(x), y: round(y), size, font, color })
  }

  right(text: string, right: number, y: number, size: number, font: InvoiceFont = 'regular', color: InvoiceColor = 'ink'): void {
    const value = winAnsiSafe(text)
    this.text(value, right - textWidth(value, size, font), y, size, font, color)
  }

  rule(y: number, x1 = MARGIN_X, x2 = RIGHT, thickness = 0.5, color: InvoiceColor = 'muted'): void {
    this.page.rules.push({ x1: round(x1), x2: round(x2), y: round(y), thickness, color })
  }

  /** Wrapped lines at x; returns the y below them. */
  paragraph(text: string, x: number, y: number, width: number, size: number, leading: number, font: InvoiceFont = 'regular', color: InvoiceColor = 'ink'): number {
    let cursor = y
    for (const line of wrapText(text, width, size, font)) {
      this.text(line, x, cursor, size, font, color)
      cursor -= leading
    }
    return cursor
  }
}

/** Two decimals are plenty for a position and keep the content stream identical across platforms. */
function round(value: number): number {
  return Math.round(value * 100) / 100
}

function partyLines(party: InvoiceParty, locale: Locale): string[] {
  const lines: string[] = []
  if (party.company) lines.push(party.company)
  lines.push(...party.addressLines)
  lines.push(countryName(party.country, locale))
  return lines
}

/**
 * Positions every piece of text of an invoice or credit note on A4 pages. Lines flow onto further pages
 * with the table header repeated; the VAT summary, totals and notes stay together (on a new page when
 * they no longer fit). Every page gets "Pagina n van m".
 */
export function layoutInvoice(doc: InvoiceDocument): InvoiceLayout {
  const t = pdfTexts[doc.locale]
  const kind = doc.kind
  const title = t(`invoice.title.${kind}`)
  const w = new PageWriter()
  w.newPage()

  // Header: brand, title, seller block on the right.
  w.text('JOUW BOT', MARGIN_X, TOP, 11, 'bold', 'brand')
  w.text(title, MARGIN_X, TOP - 38, 24, 'bold')
  const paid = isPaid(doc)
  if (paid) w.text(t('invoice.paidStamp'), MARGIN_X + textWidth(title, 24, 'bold') + 14, TOP - 38, 12, 'bold', 'brand')

  const sellerX = 340
  const sellerWidth = RIGHT - sellerX
  let sellerY = w.paragraph(doc.seller.name, sellerX, TOP, sellerWidth, 10, 12.5, 'bold')
  for (const line of partyLines(doc.seller, doc.locale)) sellerY = w.paragraph(line, sellerX, sellerY, sellerWidth, 9, 11.5)
  sellerY -= 5
  const sellerFacts: [string, string | null | undefined][] = [
    [t('invoice.kvk'), doc.seller.kvkNumber],
    [t('invoice.vatNumber'), doc.seller.vatNumber],
    [t('invoice.iban'), doc.seller.iban],
  ]
  for (const [label, value] of sellerFacts) {
    if (!value) continue
    sellerY = w.paragraph(`${label} ${value}`, sellerX, sellerY, sellerWidth, 9, 11.5, 'regular', 'muted')
  }
  if (doc.seller.email) sellerY = w.paragraph(doc.seller.email, sellerX, sellerY, sellerWidth, 9, 11.5, 'regular', 'muted')

  // Invoice facts under the title.
  let leftY = TOP - 72
  const facts: [string, string][] = [
    [t(`invoice.numberLabel.${kind}`), doc.number],
    [t(`invoice.dateLabel.${kind}`), formatInvoiceDate(doc.issueDate, doc.locale)],
    [t('invoice.supplyDate'), formatInvoiceDate(doc.supplyDate, doc.locale)],
    [t('invoice.order'), shortOrderReference(doc.orderReference)],
  ]
  const factValueX = MARGIN_X + 105
  for (const [label, value] of facts) {
    w.text(label, MARGIN_X, leftY, 9, 'regular', 'muted')
    leftY = w.paragraph(value, factValueX, leftY, sellerX - 20 - factValueX, 9, 12.5, 'bold')
  }
  if (doc.correctsInvoice) {
    // A credit note corrects an invoice; an invoice can only correct a credit note (a refund that failed).
    const corrects = t(kind === 'credit_note' ? 'invoice.corrects' : 'invoice.correctsCreditNote', {
      number: doc.correctsInvoice.number,
      date: formatInvoiceDate(doc.correctsInvoice.issueDate, doc.locale),
    })
    leftY -= 2
    leftY = w.paragraph(corrects, MARGIN_X, leftY, sellerX - 20 - MARGIN_X, 9, 12.5, 'bold')
  }

  // Buyer.
  leftY -= 14
  const buyerWidth = sellerX - 20 - MARGIN_X
  w.text(t('invoice.customer'), MARGIN_X, leftY, 8, 'bold', 'muted')
  leftY -= 13
  leftY = w.paragraph(doc.buyer.name, MARGIN_X, leftY, buyerWidth, 10, 12.5, 'bold')
  for (const line of partyLines(doc.buyer, doc.locale)) leftY = w.paragraph(line, MARGIN_X, leftY, buyerWidth, 9, 11.5)
  if (doc.buyer.vatNumber) leftY = w.paragraph(`${t('invoice.vatNumber')} ${doc.buyer.vatNumber}`, MARGIN_X, leftY, buyerWidth, 9, 11.5)
  if (doc.buyer.email) leftY = w.paragraph(doc.buyer.email, MARGIN_X, leftY, buyerWidth, 9, 11.5, 'regular', 'muted')

  w.y = Math.min(leftY, sellerY) - 18

  // Lines table.
  const headerCells: [string, 'left' | 'right', { x?: number; right?: number; width: number }][] = [
    [t('invoice.description'), 'left', COLUMNS.description],
    [t('invoice.quantity'), 'right', COLUMNS.quantity],
    [t('invoice.unitPrice'), 'right', COLUMNS.unitPrice],
    [t('invoice.vatRate'), 'right', COLUMNS.vatRate],
    [t('invoice.amount'), 'right', COLUMNS.amount],
  ]
  const wrappedHeader = headerCells.map(([label, align, column]) => ({ lines: wrapText(label, column.width, HEADER_SIZE, 'bold'), align, column }))
  const headerLines = Math.max(...wrappedHeader.map((cell) => cell.lines.length))

  /** Header at w.y (baseline of its first line), a rule under it; leaves w.y at the first row's baseline. */
  const drawTableHeader = () => {
    const top = w.y
    for (const cell of wrappedHeader) {
      // Bottom-align the header cells, so single-line labels sit on the rule like the wrapped ones.
      const offset = headerLines - cell.lines.length
      cell.lines.forEach((line, i) => {
        const y = top - (offset + i) * HEADER_LEADING
        if (cell.align === 'left') w.text(line, cell.column.x ?? MARGIN_X, y, HEADER_SIZE, 'bold', 'muted')
        else w.right(line, cell.column.right ?? RIGHT, y, HEADER_SIZE, 'bold', 'muted')
      })
    }
    const ruleY = top - (headerLines - 1) * HEADER_LEADING - RULE_BELOW_BASELINE
    w.rule(ruleY, MARGIN_X, RIGHT, 0.75, 'ink')
    w.y = ruleY - BASELINE_BELOW_RULE
  }

  const continuationPage = () => {
    w.newPage()
    w.text('JOUW BOT', MARGIN_X, TOP, 11, 'bold', 'brand')
    w.right(`${title} ${doc.number} (${t('invoice.continued')})`, RIGHT, TOP, 9, 'regular', 'muted')
    w.y = TOP - 34
  }

  drawTableHeader()
  for (const line of doc.lines) {
    const description = wrapText(line.description, COLUMNS.description.width, TABLE_SIZE)
    // w.y is the baseline of the row's first line; the rule under its last line must stay above BOTTOM.
    const discount = line.discount ? wrapText(line.discount.label, COLUMNS.description.width - 10, TABLE_SIZE) : []
    const ruleOffset = (description.length + discount.length - 1) * TABLE_LEADING + RULE_BELOW_BASELINE
    if (w.y - ruleOffset < BOTTOM) {
      continuationPage()
      drawTableHeader()
    }
    description.forEach((text, i) => w.text(text, COLUMNS.description.x, w.y - i * TABLE_LEADING, TABLE_SIZE))
    w.right(formatQuantity(line.quantity), COLUMNS.quantity.right, w.y, TABLE_SIZE)
    w.right(formatEuroCents(line.unitPriceExclCents), COLUMNS.unitPrice.right, w.y, TABLE_SIZE)
    w.right(formatVatRate(line.vatRateBasisPoints), COLUMNS.vatRate.right, w.y, TABLE_SIZE)
    // With a discount: the list amount on the line, the discount under it; the net is in the totals.
    const listAmount = line.discount ? line.amountExclCents + line.discount.amountExclCents : line.amountExclCents
    w.right(formatEuroCents(listAmount), COLUMNS.amount.right, w.y, TABLE_SIZE)
    if (line.discount) {
      const discountY = w.y - description.length * TABLE_LEADING
      discount.forEach((text, i) => w.text(text, COLUMNS.description.x + 10, discountY - i * TABLE_LEADING, TABLE_SIZE, 'regular', 'muted'))
      w.right(formatEuroCents(-line.discount.amountExclCents), COLUMNS.amount.right, discountY, TABLE_SIZE)
    }
    w.rule(w.y - ruleOffset, MARGIN_X, RIGHT, 0.25, 'muted')
    w.y -= ruleOffset + BASELINE_BELOW_RULE
  }

  // Summary: VAT per rate on the left, totals on the right, kept together; then the notes.
  const notes: { lines: string[]; font: InvoiceFont }[] = []
  if (doc.reverseCharge) notes.push({ lines: wrapText(t('invoice.reverseCharge'), RIGHT - MARGIN_X, 9, 'bold'), font: 'bold' })
  if (doc.paymentNote) notes.push({ lines: wrapText(doc.paymentNote, RIGHT - MARGIN_X, 9), font: 'regular' })
  const vatDepth = 24 + doc.vatGroups.length * 12
  const totalsDepth = 46
  const blockDepth = Math.max(vatDepth, totalsDepth)
  // Keep the notes with the totals when they fit on one page together; a note too long for that flows.
  const notesDepth = notes.reduce((sum, note) => sum + note.lines.length * 12 + 6, 0)
  const summaryDepth = blockDepth + (notes.length > 0 ? 12 + notesDepth : 0)
  const pageRoom = TOP - 34 - BOTTOM
  const needed = summaryDepth <= pageRoom ? summaryDepth : blockDepth
  if (w.y - 8 - needed < BOTTOM) continuationPage()
  else w.y -= 8

  const summaryTop = w.y
  const vatCol = { rate: MARGIN_X, base: MARGIN_X + 150, vat: MARGIN_X + 230 }
  let y = summaryTop
  w.text(t('invoice.vatSummary'), MARGIN_X, y, 8, 'bold', 'muted')
  y -= 12
  w.text(t('invoice.rate'), vatCol.rate, y, 8, 'regular', 'muted')
  w.right(t('invoice.base'), vatCol.base, y, 8, 'regular', 'muted')
  w.right(t('invoice.vat'), vatCol.vat, y, 8, 'regular', 'muted')
  w.rule(y - 3, MARGIN_X, vatCol.vat, 0.5, 'muted')
  y -= 12
  for (const group of doc.vatGroups) {
    w.text(formatVatRate(group.vatRateBasisPoints), vatCol.rate, y, 9)
    w.right(formatEuroCents(group.baseCents), vatCol.base, y, 9)
    w.right(formatEuroCents(group.vatCents), vatCol.vat, y, 9)
    y -= 12
  }

  const totalsX = sellerX
  y = summaryTop
  w.text(t('invoice.totalExcl'), totalsX, y, 9)
  w.right(formatEuroCents(doc.totalExclCents), RIGHT, y, 9)
  y -= 14
  w.text(t('invoice.totalVat'), totalsX, y, 9)
  w.right(formatEuroCents(doc.totalVatCents), RIGHT, y, 9)
  w.rule(y - 5, totalsX, RIGHT, 0.75, 'ink')
  y -= 18
  // A paid invoice says so; a correction of a credit note asks for nothing either.
  const totalLabel = paid ? 'invoice.totalPaid' : kind === 'invoice' && doc.correctsInvoice ? 'invoice.totalDue.credit_note' : `invoice.totalDue.${kind}` as const
  w.text(t(totalLabel), totalsX, y, 10.5, 'bold')
  w.right(formatEuroCents(doc.totalInclCents), RIGHT, y, 10.5, 'bold')

  y = summaryTop - blockDepth - 12
  for (const note of notes) {
    for (const line of note.lines) {
      if (y < BOTTOM) {
        continuationPage()
        y = w.y
      }
      w.text(line, MARGIN_X, y, 9, note.font)
      y -= 12
    }
    y -= 6
  }

  // Footer on every page, now that the page count is known.
  const footer = [doc.seller.name, `${t('invoice.kvk')} ${doc.seller.kvkNumber}`, `${t('invoice.vatNumber')} ${doc.seller.vatNumber}`].join(' · ')
  w.pages.forEach((page, i) => {
    w.page = page
    w.rule(FOOTER_Y + 12, MARGIN_X, RIGHT, 0.25, 'muted')
    w.text(footer, MARGIN_X, FOOTER_Y, 7.5, 'regular', 'muted')
    w.right(t('invoice.page', { page: i + 1, count: w.pages.length }), RIGHT, FOOTER_Y, 7.5, 'regular', 'muted')
  })

  const documentTitle = `${title} ${doc.number}`
  return {
    width: A4[0],
    height: A4[1],
    metadata: {
      title: documentTitle,
      author: doc.seller.name,
      subject: `${documentTitle}, ${t('invoice.subjectOrder')} ${shortOrderReference(doc.orderReference)}`,
      language: doc.locale === 'en' ? 'en-GB' : 'nl-NL',
      date: doc.issueDate,
    },
    pages: w.pages,
  }
}

/**
 * The invoice or credit note as a PDF: A4, standard Helvetica, the runs of layoutInvoice(). The same
 * document always gives the same bytes (dates come from issueDate; pdf-lib's resource names are seeded).
 */
export async function renderInvoicePdf(doc: InvoiceDocument): Promise<Uint8Array> {
  const layout = layoutInvoice(doc)
  const pdf = await PDFDocument.create({ updateMetadata: false })
  pdf.setTitle(layout.metadata.title, { showInWindowTitleBar: true })
  pdf.setAuthor(layout.metadata.author)
  pdf.setSubject(layout.metadata.subject)
  pdf.setLanguage(layout.metadata.language)
  pdf.setCreator('Jouw Bot')
  pdf.setProducer('Jouw Bot (pdf-lib)')
  pdf.setCreationDate(layout.metadata.date)
  pdf.setModificationDate(layout.metadata.date)
  const fonts = {
    regular: await pdf.embedFont(FONTS.regular),
    bold: await pdf.embedFont(FONTS.bold),
  }
  for (const pageLayout of layout.pages) {
    const page = pdf.addPage([layout.width, layout.height])
    for (const rule of pageLayout.rules) {
      page.drawLine({ start: { x: rule.x1, y: rule.y }, end: { x: rule.x2, y: rule.y }, thickness: rule.thickness, color: COLORS[rule.color] })
    }
    for (const run of pageLayout.texts) {
      page.drawText(run.text, { x: run.x, y: run.y, size: run.size, font: fonts[run.font], color: COLORS[run.color] })
    }
  }
  return pdf.save()
}
