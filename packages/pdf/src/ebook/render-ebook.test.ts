import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { ebooks, renderEbookPdf } from './render-ebook.ts'

describe('the free e-book', () => {
  it.each(['nl', 'en'] as const)('renders the %s version as a PDF of about ten pages with its title', async (locale) => {
    const bytes = await renderEbookPdf(locale)
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const pdf = await PDFDocument.load(bytes)
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(9)
    expect(pdf.getPageCount()).toBeLessThanOrEqual(14)
    expect(pdf.getTitle()).toBe(ebooks[locale].documentTitle)
  })

  it('has the same sections in both languages, the promised topics included', () => {
    expect(ebooks.en.sections.map((s) => s.blocks.map((b) => b.kind))).toEqual(ebooks.nl.sections.map((s) => s.blocks.map((b) => b.kind)))
    const titles = ebooks.nl.sections.map((s) => s.title).join(' | ')
    expect(titles).toMatch(/Wat is een Messenger-bot/)
    expect(titles).toMatch(/Stap voor stap/)
    expect(titles).toMatch(/verkopen/)
    expect(titles).toMatch(/Checklist/)
  })
})
