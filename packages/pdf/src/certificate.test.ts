import { PDFDocument } from 'pdf-lib'
import { describe, expect, test } from 'vitest'
import { dutchDate, renderCertificatePdf } from './certificate.ts'

describe('certificate PDF', () => {
  test('is a one-page PDF with the title and metadata; Dutch accents do not break it', async () => {
    const bytes = await renderCertificatePdf({
      recipientName: 'Zoë van Dijk-Ångström 😀',
      courseTitle: 'Premium Cursus',
      issuedAt: new Date('2026-11-25T23:30:00Z'),
      code: 'abcd2345efgh6789',
      verifyUrl: 'https://jouwbot.nl/certificaat/abcd2345efgh6789',
      issuer: { name: 'Keijzer Media', addressLines: ['Sterrenlaan 218', '2402 BD Alphen aan den Rijn'], kvkNumber: '65529308' },
    })
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPageCount()).toBe(1)
    expect(doc.getTitle()).toBe('Certificaat Premium Cursus – Zoë van Dijk-Ångström 😀')
  })

  test('the date is Dutch and in Amsterdam time', () => {
    expect(dutchDate(new Date('2026-11-25T23:30:00Z'))).toBe('26 november 2026')
  })
})
