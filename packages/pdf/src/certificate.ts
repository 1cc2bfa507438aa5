import { PDFDocument, StandardFonts, rgb } from 'pdf-lib'
import { formatInvoiceDate, winAnsiSafe } from './invoice.ts'
import { pdfTexts, type PdfLocale } from './texts.ts'

export interface CertificateIssuer {
  name: string
  addressLines: readonly string[]
  kvkNumber: string
}

export interface CertificateContent {
  recipientName: string
  courseTitle: string
  issuedAt: Date
  code: string
  verifyUrl: string
  /** Who issues it: the seller's details, printed in one line with the KvK label of the locale. */
  issuer: CertificateIssuer
  /** Dutch unless asked otherwise. */
  locale?: PdfLocale
}

const BRAND = rgb(0.36, 0.36, 0.84)
const INK = rgb(0.12, 0.14, 0.25)
const MUTED = rgb(0.42, 0.45, 0.55)

/** Dutch date in Amsterdam time, e.g. "25 november 2026". */
export function dutchDate(date: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(date)
}

/**
 * A one-page A4 landscape certificate. Standard PDF fonts (WinAnsi) cover Dutch accents; anything
 * outside that set is replaced (as on invoices) rather than failing the download.
 */
export async function renderCertificatePdf(content: CertificateContent): Promise<Uint8Array> {
  const locale = content.locale ?? 'nl'
  const t = pdfTexts[locale]
  const pdf = await PDFDocument.create()
  pdf.setTitle(t('certificate.documentTitle', { courseTitle: content.courseTitle, recipientName: content.recipientName }))
  pdf.setAuthor('Jouw Bot')
  pdf.setCreationDate(content.issuedAt)
  const page = pdf.addPage([842, 595])
  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const centered = (text: string, y: number, size: number, font = regular, color = INK) => {
    const value = winAnsiSafe(text)
    page.drawText(value, { x: (page.getWidth() - font.widthOfTextAtSize(value, size)) / 2, y, size, font, color })
  }

  page.drawRectangle({ x: 24, y: 24, width: 794, height: 547, borderColor: BRAND, borderWidth: 3 })
  page.drawRectangle({ x: 34, y: 34, width: 774, height: 527, borderColor: BRAND, borderWidth: 0.75, opacity: 0 })
  centered('JOUW BOT', 490, 16, bold, BRAND)
  centered(t('certificate.title'), 430, 44, bold)
  centered(t('certificate.declaration'), 380, 14, regular, MUTED)
  centered(content.recipientName, 330, 34, bold)
  centered(t('certificate.completed', { courseTitle: content.courseTitle }), 285, 16)
  centered(t('certificate.completedOn', { date: formatInvoiceDate(content.issuedAt, locale) }), 260, 14, regular, MUTED)
  centered(t('certificate.verify', { url: content.verifyUrl }), 110, 10, regular, MUTED)
  centered(t('certificate.code', { code: content.code }), 94, 10, regular, MUTED)
  const { issuer } = content
  centered(['Jouw Bot', issuer.name, ...issuer.addressLines, `${t('invoice.kvk')} ${issuer.kvkNumber}`].join(' · '), 60, 9, regular, MUTED)
  return pdf.save()
}
