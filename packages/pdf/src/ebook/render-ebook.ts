import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { winAnsiSafe } from '../invoice.ts'
import type { EbookBlock, EbookContent } from './content.ts'
import { ebookEn } from './en.ts'
import { ebookNl } from './nl.ts'

export const ebooks = { nl: ebookNl, en: ebookEn } as const
export type EbookLocale = keyof typeof ebooks

const BRAND = rgb(0.36, 0.36, 0.84)
const BRAND_LIGHT = rgb(0.93, 0.93, 0.99)
const INK = rgb(0.12, 0.14, 0.25)
const MUTED = rgb(0.42, 0.45, 0.55)
const WHITE = rgb(1, 1, 1)

const A4: [number, number] = [595.28, 841.89]
const MARGIN = 64
const BOTTOM = 72
const BODY = 11
const LEADING = 16.5

interface Fonts {
  regular: PDFFont
  bold: PDFFont
}

/** Splits text into lines that fit `width` at `size` (words never broken; WinAnsi-safe). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of winAnsiSafe(text).split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  return lines
}

/** Writes a page's worth of blocks top-down; opens a new page (same section) when one is full. */
class Writer {
  page!: PDFPage
  y = 0
  pages: PDFPage[] = []
  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
  ) {}

  newPage() {
    this.page = this.pdf.addPage(A4)
    this.pages.push(this.page)
    this.y = A4[1] - MARGIN
  }

  ensure(height: number) {
    if (this.y - height < BOTTOM) this.newPage()
  }

  text(text: string, options: { size?: number; font?: PDFFont; color?: ReturnType<typeof rgb>; indent?: number; leading?: number; width?: number } = {}) {
    const size = options.size ?? BODY
    const font = options.font ?? this.fonts.regular
    const indent = options.indent ?? 0
    const leading = options.leading ?? LEADING
    const width = options.width ?? A4[0] - 2 * MARGIN - indent
    for (const line of wrap(text, font, size, width)) {
      this.ensure(leading)
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font, color: options.color ?? INK })
      this.y -= leading
    }
  }

  gap(points: number) {
    this.y -= points
  }

  block(block: EbookBlock) {
    const { regular, bold } = this.fonts
    switch (block.kind) {
      case 'paragraph':
        this.text(block.text)
        this.gap(8)
        return
      case 'list':
        for (const item of block.items) {
          this.ensure(LEADING)
          this.page.drawCircle({ x: MARGIN + 6, y: this.y - BODY / 2 + 1, size: 2.2, color: BRAND })
          this.text(item, { indent: 18 })
          this.gap(3)
        }
        this.gap(6)
        return
      case 'steps':
        block.items.forEach((step, index) => {
          this.ensure(LEADING * 3)
          this.page.drawCircle({ x: MARGIN + 10, y: this.y - 8, size: 10, color: BRAND })
          const number = String(index + 1)
          this.page.drawText(number, { x: MARGIN + 10 - bold.widthOfTextAtSize(number, 11) / 2, y: this.y - 12, size: 11, font: bold, color: WHITE })
          this.text(step.title, { font: bold, indent: 30 })
          this.text(step.text, { indent: 30 })
          this.gap(8)
        })
        return
      case 'checklist':
        for (const item of block.items) {
          this.ensure(LEADING + 4)
          this.page.drawRectangle({ x: MARGIN + 2, y: this.y - 12, width: 11, height: 11, borderColor: BRAND, borderWidth: 1.2 })
          this.text(item, { indent: 24 })
          this.gap(6)
        }
        return
      case 'tip': {
        const width = A4[0] - 2 * MARGIN
        const lines = wrap(block.text, regular, BODY, width - 28)
        const height = 22 + LEADING * (lines.length + 1)
        this.ensure(height + 8)
        this.page.drawRectangle({ x: MARGIN, y: this.y - height, width, height, color: BRAND_LIGHT })
        this.page.drawRectangle({ x: MARGIN, y: this.y - height, width: 4, height, color: BRAND })
        this.gap(12)
        this.text(block.title, { font: bold, indent: 16, color: BRAND })
        this.text(block.text, { indent: 16, width: width - 28 })
        this.gap(18)
        return
      }
    }
  }
}

/**
 * The free e-book as a PDF (A4): a cover, the contents, one page (or more) per section, and a footer
 * with the page number. Standard fonts, generated from the texts in nl.ts / en.ts.
 */
export async function renderEbookPdf(locale: EbookLocale = 'nl', createdAt: Date = new Date('2026-01-01T00:00:00Z')): Promise<Uint8Array> {
  const content: EbookContent = ebooks[locale]
  const pdf = await PDFDocument.create()
  pdf.setTitle(content.documentTitle)
  pdf.setAuthor('Jouw Bot')
  pdf.setLanguage(locale === 'nl' ? 'nl-NL' : 'en-GB')
  pdf.setCreationDate(createdAt)
  pdf.setModificationDate(createdAt)
  const fonts: Fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) }

  // Cover.
  const cover = pdf.addPage(A4)
  cover.drawRectangle({ x: 0, y: 0, width: A4[0], height: A4[1], color: BRAND })
  cover.drawRectangle({ x: 0, y: 0, width: A4[0], height: 180, color: INK })
  cover.drawText('JOUW BOT', { x: MARGIN, y: A4[1] - 110, size: 18, font: fonts.bold, color: WHITE })
  let y = A4[1] - 300
  for (const line of wrap(content.title, fonts.bold, 38, A4[0] - 2 * MARGIN)) {
    cover.drawText(line, { x: MARGIN, y, size: 38, font: fonts.bold, color: WHITE })
    y -= 46
  }
  y -= 10
  for (const line of wrap(content.subtitle, fonts.regular, 15, A4[0] - 2 * MARGIN)) {
    cover.drawText(line, { x: MARGIN, y, size: 15, font: fonts.regular, color: WHITE })
    y -= 22
  }
  cover.drawText(winAnsiSafe(content.edition), { x: MARGIN, y: 80, size: 12, font: fonts.regular, color: WHITE })
  cover.drawText('jouwbot.nl', { x: MARGIN, y: 60, size: 12, font: fonts.bold, color: WHITE })

  const writer = new Writer(pdf, fonts)
  // Contents (page numbers filled in after the sections are laid out).
  writer.newPage()
  const contentsPage = writer.page
  writer.text(content.contentsTitle, { size: 26, font: fonts.bold, leading: 36 })
  writer.gap(6)
  writer.text(content.intro, { color: MUTED })
  writer.gap(18)
  const contentsTop = writer.y

  const sectionPages: number[] = []
  for (const section of content.sections) {
    writer.newPage()
    sectionPages.push(pdf.getPageCount())
    writer.page.drawRectangle({ x: MARGIN, y: writer.y - 4, width: 40, height: 4, color: BRAND })
    writer.gap(18)
    writer.text(section.title, { size: 22, font: fonts.bold, leading: 30 })
    writer.gap(8)
    for (const block of section.blocks) writer.block(block)
  }
  writer.gap(16)
  writer.text(content.closing, { font: fonts.bold, color: BRAND })

  // The contents, with page numbers.
  let cy = contentsTop
  content.sections.forEach((section, index) => {
    const title = winAnsiSafe(section.title)
    const number = String(sectionPages[index])
    contentsPage.drawText(title, { x: MARGIN, y: cy - BODY, size: 12, font: fonts.regular, color: INK })
    contentsPage.drawText(number, { x: A4[0] - MARGIN - fonts.bold.widthOfTextAtSize(number, 12), y: cy - BODY, size: 12, font: fonts.bold, color: BRAND })
    cy -= 26
  })

  // Footers on every page after the cover.
  pdf.getPages().forEach((page, index) => {
    if (index === 0) return
    const footer = winAnsiSafe(content.footer.replace('{{page}}', String(index + 1)))
    page.drawLine({ start: { x: MARGIN, y: 48 }, end: { x: A4[0] - MARGIN, y: 48 }, thickness: 0.5, color: MUTED })
    page.drawText(footer, { x: MARGIN, y: 34, size: 8.5, font: fonts.regular, color: MUTED })
  })
  return pdf.save()
}

export function ebookFileName(locale: EbookLocale): string {
  return ebooks[locale].fileName
}
