import { createHash } from 'node:crypto'
import { PDFDocument, StandardFontEmbedder, StandardFonts } from 'pdf-lib'
import { describe, expect, test } from 'vitest'
import type { InvoiceDocument, InvoiceLine } from './invoice-document.ts'
import { formatEuroCents, formatVatRate, layoutInvoice, renderInvoicePdf, winAnsiSafe, wrapText, type InvoiceLayout, type InvoicePageLayout } from './invoice.ts'

// Factories: a consumer invoice by default; overrides for credit notes, reverse charge, English, many lines.

function invoiceLine(overrides: Partial<InvoiceLine> = {}): InvoiceLine {
  return {
    description: 'Premium Cursus Nederlands — 12 maanden toegang',
    quantity: 1,
    unitPriceExclCents: 123456,
    amountExclCents: 123456,
    vatRateBasisPoints: 2100,
    vatCents: 25926,
    amountInclCents: 149382,
    ...overrides,
  }
}

function invoiceDocument(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const lines = overrides.lines ?? [invoiceLine()]
  const totalExclCents = lines.reduce((sum, line) => sum + line.amountExclCents, 0)
  const totalVatCents = lines.reduce((sum, line) => sum + line.vatCents, 0)
  return {
    kind: 'invoice',
    number: '2026-000123',
    issueDate: new Date('2026-11-25T10:00:00Z'),
    supplyDate: new Date('2026-11-24T23:30:00Z'), // 25 November in Amsterdam
    seller: {
      name: 'Keijzer Media',
      company: 'Jouw Bot',
      addressLines: ['Sterrenlaan 218', '2402 BD Alphen aan den Rijn'],
      country: 'NL',
      kvkNumber: '65529308',
      vatNumber: 'NL004495445B01',
      iban: 'NL91ABNA0417164300',
    },
    buyer: {
      name: 'Zoë van Dijk',
      company: null,
      addressLines: ['Dorpsstraat 1', '1234 AB Ergens'],
      country: 'NL',
      vatNumber: null,
    },
    lines,
    vatGroups: [{ vatRateBasisPoints: 2100, baseCents: totalExclCents, vatCents: totalVatCents }],
    totalExclCents,
    totalVatCents,
    totalInclCents: totalExclCents + totalVatCents,
    reverseCharge: false,
    correctsInvoice: null,
    orderReference: 'ord_8f3k2m',
    paymentNote: 'Betaald via Mollie op 25 november 2026 (tr_abc123)',
    locale: 'nl',
    ...overrides,
  }
}

const businessBuyer = {
  name: 'Jonas Müller',
  company: 'Müller & Söhne GmbH',
  addressLines: ['Hauptstraße 1', '10115 Berlin'],
  country: 'DE',
  vatNumber: 'DE136308783',
}

function reverseChargeInvoice(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const line = invoiceLine({ vatRateBasisPoints: 0, vatCents: 0, amountInclCents: 123456 })
  return invoiceDocument({
    buyer: businessBuyer,
    lines: [line],
    vatGroups: [{ vatRateBasisPoints: 0, baseCents: 123456, vatCents: 0 }],
    totalVatCents: 0,
    totalInclCents: 123456,
    reverseCharge: true,
    ...overrides,
  })
}

function creditNote(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const line = invoiceLine({ description: 'Terugbetaling Premium Cursus', unitPriceExclCents: -1000, amountExclCents: -1000, vatCents: -210, amountInclCents: -1210 })
  return invoiceDocument({
    kind: 'credit_note',
    number: '2026-000124',
    lines: [line],
    vatGroups: [{ vatRateBasisPoints: 2100, baseCents: -1000, vatCents: -210 }],
    totalExclCents: -1000,
    totalVatCents: -210,
    totalInclCents: -1210,
    correctsInvoice: { number: '2026-000001', issueDate: new Date('2026-11-01T09:00:00Z') },
    paymentNote: 'Terugbetaald via Mollie op 26 november 2026',
    ...overrides,
  })
}

function manyLines(count: number, description = (i: number) => `Les ${i}: werkwoorden in de verleden tijd`): InvoiceLine[] {
  return Array.from({ length: count }, (_, i) => invoiceLine({ description: description(i + 1), unitPriceExclCents: 1000, amountExclCents: 1000, vatCents: 210, amountInclCents: 1210 }))
}

const texts = (page: InvoicePageLayout) => page.texts.map((run) => run.text)
const allTexts = (layout: InvoiceLayout) => layout.pages.flatMap(texts)
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

const A4_WIDTH = 595.28
const helvetica = {
  regular: StandardFontEmbedder.for(StandardFonts.Helvetica as unknown as Parameters<typeof StandardFontEmbedder.for>[0]),
  bold: StandardFontEmbedder.for(StandardFonts.HelveticaBold as unknown as Parameters<typeof StandardFontEmbedder.for>[0]),
}

describe('money, rates and text', () => {
  test('euro amounts are written the Dutch way, negatives as "€ -12,10"', () => {
    expect(formatEuroCents(123456)).toBe('€ 1.234,56')
    expect(formatEuroCents(-1210)).toBe('€ -12,10')
    expect(formatEuroCents(0)).toBe('€ 0,00')
    expect(formatEuroCents(5)).toBe('€ 0,05')
    expect(formatEuroCents(-99)).toBe('€ -0,99')
    expect(formatEuroCents(123456789012)).toBe('€ 1.234.567.890,12')
    expect(() => formatEuroCents(12.5)).toThrow(RangeError)
  })

  test('VAT rates from basis points', () => {
    expect(formatVatRate(2100)).toBe('21%')
    expect(formatVatRate(900)).toBe('9%')
    expect(formatVatRate(550)).toBe('5,5%')
    expect(formatVatRate(0)).toBe('0%')
  })

  test('text is made WinAnsi-safe: accents, € and dashes stay, the rest becomes "?"', () => {
    expect(winAnsiSafe('Zoë — Ångström € ‘quote’')).toBe('Zoë — Ångström € ‘quote’')
    expect(winAnsiSafe('minus \u2212 5\u202fkg')).toBe('minus - 5 kg')
    expect(winAnsiSafe('Kees 😀 李')).toBe('Kees ? ?')
    expect(winAnsiSafe('e\u0301')).toBe('é')
  })

  test('long text wraps on spaces, and a word wider than the column is cut', () => {
    const lines = wrapText('Premium Cursus Nederlands voor beginners en gevorderden met twaalf maanden onbeperkte toegang', 120, 9)
    expect(lines.length).toBeGreaterThan(2)
    expect(lines.join(' ')).toBe('Premium Cursus Nederlands voor beginners en gevorderden met twaalf maanden onbeperkte toegang')
    for (const line of lines) expect(helvetica.regular.widthOfTextAtSize(line, 9)).toBeLessThanOrEqual(120)
    const url = wrapText('https://jouwbot.nl/een/heel/lang/pad/zonder/spaties/dat/niet/past', 80, 9)
    expect(url.join('')).toBe('https://jouwbot.nl/een/heel/lang/pad/zonder/spaties/dat/niet/past')
    for (const line of url) expect(helvetica.regular.widthOfTextAtSize(line, 9)).toBeLessThanOrEqual(80)
  })
})

describe('invoice layout', () => {
  test('a one-line Dutch invoice: one page with every required item', () => {
    const layout = layoutInvoice(invoiceDocument())
    expect(layout.pages).toHaveLength(1)
    const page = texts(layout.pages[0]!)
    for (const expected of [
      'Factuur',
      'Factuurnummer', '2026-000123',
      'Factuurdatum', '25 november 2026',
      'Leverdatum',
      'Bestelnummer', 'ord_8f3k2m',
      // seller
      'Keijzer Media', 'Sterrenlaan 218', '2402 BD Alphen aan den Rijn', 'Nederland', 'KvK 65529308', 'BTW-nummer NL004495445B01', 'IBAN NL91ABNA0417164300',
      // buyer
      'Klant', 'Zoë van Dijk', 'Dorpsstraat 1', '1234 AB Ergens',
      // table
      'Omschrijving', 'Aantal', 'Prijs excl. btw', 'Btw %', 'Bedrag excl. btw',
      'Premium Cursus Nederlands — 12 maanden toegang', '1', '€ 1.234,56', '21%',
      // VAT groups and totals
      'Btw-specificatie', 'Tarief', 'Grondslag', '€ 259,26',
      'Totaal excl. btw', 'Totaal betaald', '€ 1.493,82',
      'Betaald via Mollie op 25 november 2026 (tr_abc123)',
      'Pagina 1 van 1',
    ]) {
      expect(page, expected).toContain(expected)
    }
    // The supply date is the day it was in Amsterdam.
    expect(page.filter((text) => text === '25 november 2026')).toHaveLength(2)
    expect(page.join('\n')).not.toMatch(/verlegd|Correctie/)
    expect(page).not.toContain('Totaal')
    // Issued in the paying transaction: it says so, and asks for nothing.
    expect(page).toContain('Betaald')
    expect(page).not.toContain('Totaal te betalen')
  })

  test('an invoice not (yet) paid asks for the total; a paid one is marked "Betaald"', () => {
    const unpaid = texts(layoutInvoice(invoiceDocument({ paid: false, paymentNote: null })).pages[0]!)
    expect(unpaid).toContain('Totaal te betalen')
    expect(unpaid).not.toContain('Betaald')
    expect(unpaid).not.toContain('Totaal betaald')
    // Stored before `paid` existed: the payment note decides.
    expect(texts(layoutInvoice(invoiceDocument({ paid: undefined })).pages[0]!)).toContain('Totaal betaald')
    expect(texts(layoutInvoice(invoiceDocument({ paid: undefined, paymentNote: null })).pages[0]!)).toContain('Totaal te betalen')
    expect(texts(layoutInvoice(invoiceDocument({ locale: 'en' })).pages[0]!)).toEqual(expect.arrayContaining(['Paid', 'Total paid']))
  })

  test('a coupon discount: list price per unit, the discount on its own row, the net in the totals', () => {
    const line = invoiceLine({
      description: 'Premium Cursus',
      unitPriceExclCents: 24_545,
      amountExclCents: 22_091,
      vatCents: 4_639,
      amountInclCents: 26_730,
      discount: { label: 'Korting (kortingscode WELKOM10)', amountExclCents: 2_454 },
    })
    const page = texts(layoutInvoice(invoiceDocument({ lines: [line] })).pages[0]!)
    // Unit price and line amount before the discount …
    expect(page.filter((text) => text === '€ 245,45')).toHaveLength(2)
    // … the discount as its own row …
    expect(page).toContain('Korting (kortingscode WELKOM10)')
    expect(page).toContain('€ -24,54')
    // … and what is owed after it.
    expect(page).toContain('€ 220,91')
    expect(page).toContain('€ 267,30')
  })

  test('an order uuid is printed as its short reference, never wrapped', () => {
    const layout = layoutInvoice(invoiceDocument({ orderReference: '1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d' }))
    const page = texts(layout.pages[0]!)
    expect(page).toContain('1A2B3C4D')
    expect(page.join(' ')).not.toContain('5e6f')
    expect(layout.metadata.subject).toBe('Factuur 2026-000123, bestelling 1A2B3C4D')
  })

  test('metadata: title, author, subject, language and the issue date', () => {
    expect(layoutInvoice(invoiceDocument()).metadata).toEqual({
      title: 'Factuur 2026-000123',
      author: 'Keijzer Media',
      subject: 'Factuur 2026-000123, bestelling ord_8f3k2m',
      language: 'nl-NL',
      date: new Date('2026-11-25T10:00:00Z'),
    })
  })

  test('reverse charge: the statement and the buyer’s company, country and VAT number', () => {
    const page = texts(layoutInvoice(reverseChargeInvoice()).pages[0]!)
    expect(page).toContain('Btw verlegd — art. 196 Btw-richtlijn 2006/112/EG')
    expect(page).toContain('Müller & Söhne GmbH')
    expect(page).toContain('Duitsland')
    expect(page).toContain('BTW-nummer DE136308783')
    expect(page).toContain('0%')
    expect(page.filter((text) => text === '€ 0,00')).toHaveLength(2) // VAT group and VAT total

    const english = texts(layoutInvoice(reverseChargeInvoice({ locale: 'en' })).pages[0]!)
    expect(english).toContain('VAT reverse charged — Art. 196 Council Directive 2006/112/EC')
    expect(english).toContain('Germany')
    expect(english).toContain('VAT number DE136308783')
  })

  test('a credit note: its title, the invoice it corrects, negative amounts and "Totaal"', () => {
    const page = texts(layoutInvoice(creditNote()).pages[0]!)
    expect(page).toContain('Creditnota')
    expect(page).toContain('Creditnotanummer')
    expect(page).toContain('Correctie op factuur 2026-000001 van 1 november 2026')
    expect(page).toContain('€ -10,00')
    expect(page).toContain('€ -2,10')
    expect(page).toContain('€ -12,10')
    expect(page).toContain('Totaal')
    expect(page).not.toContain('Totaal te betalen')
    expect(page).not.toContain('Factuur')
  })

  test('an invoice correcting a credit note (a refund that failed) names that credit note', () => {
    const page = texts(layoutInvoice(invoiceDocument({ correctsInvoice: { number: '2026-000124', issueDate: new Date('2026-11-25T09:00:00Z') } })).pages[0]!)
    expect(page).toContain('Factuur')
    // A long line: the paragraph wraps.
    expect(page.join(' ')).toContain('Correctie op creditnota 2026-000124 van 25 november 2026: de terugbetaling is niet uitgevoerd')
    expect(page.some((text) => text.startsWith('Correctie op factuur'))).toBe(false)
    // The buyer owes nothing for it.
    expect(page).toContain('Totaal')
    expect(page).not.toContain('Totaal te betalen')
  })

  test('English labels and dates when locale is en', () => {
    const layout = layoutInvoice(creditNote({ locale: 'en' }))
    const page = texts(layout.pages[0]!)
    for (const expected of ['Credit note', 'Credit note number', 'Credit note date', '25 November 2026', 'Supply date', 'Order number', 'Customer', 'Netherlands', 'Description', 'Qty', 'VAT %', 'VAT summary', 'Total excl. VAT', 'Total', 'Correction of invoice 2026-000001 of 1 November 2026', 'Page 1 of 1']) {
      expect(page, expected).toContain(expected)
    }
    expect(layout.metadata.title).toBe('Credit note 2026-000124')
    expect(layout.metadata.language).toBe('en-GB')
    expect(texts(layoutInvoice(invoiceDocument({ locale: 'en', paid: false })).pages[0]!)).toContain('Total due')
  })

  test('a long description wraps inside its column', () => {
    const description = 'Premium Cursus Nederlands voor beginners en gevorderden (A1 tot en met B2), twaalf maanden onbeperkte toegang inclusief persoonlijke coaching en certificaat'
    const page = layoutInvoice(invoiceDocument({ lines: [invoiceLine({ description })] })).pages[0]!
    const parts = page.texts.filter((run) => description.includes(run.text) && run.text.length > 10 && run.size === 9 && run.x === 50)
    expect(parts.length).toBeGreaterThan(1)
    expect(parts.map((run) => run.text).join(' ')).toBe(description)
    for (const run of parts) expect(run.x + helvetica.regular.widthOfTextAtSize(run.text, 9)).toBeLessThan(290)
    // Successive lines go down the page.
    expect(parts.map((run) => run.y)).toEqual([...parts.map((run) => run.y)].sort((a, b) => b - a))
  })

  test('60 lines flow onto further pages, each with the table header and "Pagina n van m"', () => {
    const layout = layoutInvoice(invoiceDocument({ lines: manyLines(60) }))
    // 26 rows under the header block of page 1, 34 on page 2; the totals no longer fit there and get page 3.
    expect(layout.pages).toHaveLength(3)
    const rowsPerPage = layout.pages.map((page) => texts(page).filter((text) => text.startsWith('Les ')).length)
    expect(rowsPerPage).toEqual([26, 34, 0])
    layout.pages.forEach((page, i) => {
      const pageTexts = texts(page)
      expect(pageTexts).toContain(`Pagina ${i + 1} van 3`)
      if (rowsPerPage[i]! > 0) {
        expect(pageTexts).toContain('Omschrijving')
        expect(pageTexts).toContain('Bedrag excl. btw')
      }
      if (i > 0) expect(pageTexts).toContain('Factuur 2026-000123 (vervolg)')
    })
    // The header block only on page 1.
    expect(allTexts(layout).filter((text) => text === 'Factuurnummer')).toHaveLength(1)
    // Every line exactly once, in order.
    const rows = allTexts(layout).filter((text) => text.startsWith('Les '))
    expect(rows).toEqual(manyLines(60).map((line) => line.description))
    // Totals once, after the last line.
    expect(allTexts(layout).filter((text) => text === 'Totaal betaald')).toHaveLength(1)
    expect(texts(layout.pages[2]!)).toContain('Totaal betaald')
  })

  test('nothing is drawn off the page or into the footer, whatever the number of lines', () => {
    for (const count of [1, 20, 27, 28, 29, 30, 31, 45, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 150]) {
      const layout = layoutInvoice(reverseChargeInvoice({ lines: manyLines(count, (i) => (i % 4 === 0 ? `Les ${i}: ${'een langere omschrijving die over meerdere regels loopt '.repeat(2)}` : `Les ${i}`)) }))
      layout.pages.forEach((page, i) => {
        for (const run of page.texts) {
          const width = helvetica[run.font].widthOfTextAtSize(run.text, run.size)
          expect(run.x, run.text).toBeGreaterThanOrEqual(50)
          expect(run.x + width, run.text).toBeLessThanOrEqual(A4_WIDTH - 50 + 0.01)
          expect(run.y, run.text).toBeLessThan(841.89 - 40)
          // Only the footer lives below the content area.
          if (run.size !== 7.5) expect(run.y, `${run.text} (${count} lines, page ${i + 1})`).toBeGreaterThanOrEqual(64)
        }
        for (const rule of page.rules) expect(rule.y).toBeGreaterThan(30)
      })
      expect(allTexts(layout).filter((text) => text.startsWith('Les '))).toHaveLength(count)
      expect(allTexts(layout).filter((text) => text.startsWith('Btw verlegd'))).toHaveLength(1)
    }
  })

  test('when the totals no longer fit under the last line they move to a new page together', () => {
    const summaryAlone = [...Array(40).keys()].map((i) => i + 20).find((count) => {
      const layout = layoutInvoice(invoiceDocument({ lines: manyLines(count) }))
      const last = texts(layout.pages[layout.pages.length - 1]!)
      return layout.pages.length > 1 && !last.some((text) => text.startsWith('Les '))
    })
    expect(summaryAlone).toBeDefined()
    const layout = layoutInvoice(invoiceDocument({ lines: manyLines(summaryAlone!) }))
    const last = texts(layout.pages[layout.pages.length - 1]!)
    for (const expected of ['Btw-specificatie', 'Totaal excl. btw', 'Totaal betaald', 'Betaald via Mollie op 25 november 2026 (tr_abc123)']) expect(last).toContain(expected)
    expect(last).not.toContain('Omschrijving')
  })
})

describe('invoice PDF', () => {
  test('a one-line invoice is a valid one-page A4 PDF with its metadata', async () => {
    const bytes = await renderInvoicePdf(invoiceDocument())
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
    // updateMetadata: false, or pdf-lib stamps the current time as ModDate on load.
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
    expect(pdf.getPageCount()).toBe(1)
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 })
    expect(pdf.getTitle()).toBe('Factuur 2026-000123')
    expect(pdf.getAuthor()).toBe('Keijzer Media')
    expect(pdf.getSubject()).toBe('Factuur 2026-000123, bestelling ord_8f3k2m')
    expect(pdf.getCreationDate()).toEqual(new Date('2026-11-25T10:00:00Z'))
    expect(pdf.getModificationDate()).toEqual(new Date('2026-11-25T10:00:00Z'))
  })

  test('60 lines give the pages of the layout', async () => {
    const doc = invoiceDocument({ lines: manyLines(60) })
    const pdf = await PDFDocument.load(await renderInvoicePdf(doc))
    expect(pdf.getPageCount()).toBe(3)
    expect(pdf.getPageCount()).toBe(layoutInvoice(doc).pages.length)
  })

  test('the same document gives the same bytes; another document other bytes', async () => {
    const first = sha256(await renderInvoicePdf(creditNote({ lines: manyLines(60) })))
    const second = sha256(await renderInvoicePdf(creditNote({ lines: manyLines(60) })))
    expect(second).toBe(first)
    expect(sha256(await renderInvoicePdf(creditNote({ lines: manyLines(60), number: '2026-000125' })))).not.toBe(first)
  })

  test('text outside WinAnsi does not break the PDF', async () => {
    const bytes = await renderInvoicePdf(invoiceDocument({ buyer: { ...businessBuyer, name: 'Zoë 😀 李 Ñandú' }, paymentNote: 'Paid − thanks ✓' }))
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1)
  })
})
