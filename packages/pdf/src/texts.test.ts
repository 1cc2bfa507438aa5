import { PDFDocument } from 'pdf-lib'
import { describe, expect, test } from 'vitest'
import { renderCertificatePdf } from './certificate.ts'
import type { InvoiceDocument } from './invoice-document.ts'
import { layoutInvoice } from './invoice.ts'

// Labels come from ./i18n/{nl,en}.json, seller details only from the document.

const seller = {
  name: 'Voorbeeld BV',
  addressLines: ['Kerkstraat 1', '1234 AB Ergens'],
  country: 'NL',
  kvkNumber: '12345678',
  vatNumber: 'NL000099998B57',
  iban: null,
  email: 'hallo@voorbeeld.nl',
}

function document(overrides: Partial<InvoiceDocument>): InvoiceDocument {
  return {
    kind: 'invoice',
    number: '2026-000001',
    issueDate: new Date('2026-11-25T10:00:00Z'),
    supplyDate: new Date('2026-11-25T10:00:00Z'),
    seller,
    buyer: { name: 'Jonas Müller', company: 'Müller GmbH', addressLines: ['Hauptstraße 1', '10115 Berlin'], country: 'DE', vatNumber: 'DE136308783' },
    lines: [{ description: 'Premium Cursus', quantity: 1, unitPriceExclCents: 10000, amountExclCents: 10000, vatRateBasisPoints: 0, vatCents: 0, amountInclCents: 10000 }],
    vatGroups: [{ vatRateBasisPoints: 0, baseCents: 10000, vatCents: 0 }],
    totalExclCents: 10000,
    totalVatCents: 0,
    totalInclCents: 10000,
    reverseCharge: true,
    correctsInvoice: { number: '2026-000000', issueDate: new Date('2026-11-01T10:00:00Z') },
    orderReference: 'ABCD1234',
    paymentNote: null,
    locale: 'nl',
    ...overrides,
  }
}

describe('PDF texts', () => {
  test('every label of invoices and credit notes is filled in, in both languages, and the seller is the document’s', () => {
    for (const locale of ['nl', 'en'] as const) {
      for (const kind of ['invoice', 'credit_note'] as const) {
        const layout = layoutInvoice(document({ locale, kind }))
        const printed = [...layout.pages.flatMap((page) => page.texts.map((run) => run.text)), ...Object.values(layout.metadata).map(String)].join('\n')
        expect(printed).not.toMatch(/\{\{|\}\}/)
        expect(printed).toContain('Voorbeeld BV')
        expect(printed).toContain('Kerkstraat 1')
        expect(printed).toContain('12345678')
        expect(printed).not.toMatch(/robin@|Keijzer|Sterrenlaan|Alphen|65529308|NL219943515/)
      }
    }
    expect(layoutInvoice(document({ locale: 'en', kind: 'credit_note' })).metadata.subject).toBe('Credit note 2026-000001, order ABCD1234')
  })

  test('the certificate is Dutch by default and English on request', async () => {
    const content = {
      recipientName: 'Sam',
      courseTitle: 'Premium Cursus',
      issuedAt: new Date('2026-11-25T12:00:00Z'),
      code: 'abcd2345efgh6789',
      verifyUrl: 'https://jouwbot.test/certificaat/abcd2345efgh6789',
      issuer: { name: 'Voorbeeld BV', addressLines: ['Kerkstraat 1'], kvkNumber: '12345678' },
    }
    expect((await PDFDocument.load(await renderCertificatePdf(content))).getTitle()).toBe('Certificaat Premium Cursus – Sam')
    expect((await PDFDocument.load(await renderCertificatePdf({ ...content, locale: 'en' }))).getTitle()).toBe('Certificate Premium Cursus – Sam')
  })
})
