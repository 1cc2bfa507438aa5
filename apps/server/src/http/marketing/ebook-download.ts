import { Router } from 'express'
import type { AppDeps } from '@jouwbot/api'
import { authorizeEbookDownload } from '@jouwbot/api/marketing'
import { ebookFileName, renderEbookPdf, type EbookLocale } from '@jouwbot/pdf'
import { AppError } from '@jouwbot/shared'
import { sendError } from '../errors.ts'

/**
 * GET /ebook/download?g=<grant>&e=<expires>&s=<signature> — the free e-book behind a signed,
 * expiring link that works a few times (handed out after the double opt-in, or at once to a
 * logged-in member). The PDF is generated from the texts in packages/pdf/src/ebook once per language.
 */
export function ebookDownloadRouter(deps: AppDeps): Router {
  const router = Router()
  const cache = new Map<EbookLocale, Promise<Uint8Array>>()
  const pdfOf = (locale: EbookLocale) => {
    let pdf = cache.get(locale)
    if (!pdf) {
      pdf = renderEbookPdf(locale)
      pdf.catch(() => cache.delete(locale))
      cache.set(locale, pdf)
    }
    return pdf
  }
  router.get('/ebook/download', async (req, res, next) => {
    try {
      const { locale } = await authorizeEbookDownload(deps, {
        grantId: typeof req.query.g === 'string' ? req.query.g : '',
        expires: Number(req.query.e),
        signature: typeof req.query.s === 'string' ? req.query.s : '',
      })
      const bytes = await pdfOf(locale)
      res
        .type('application/pdf')
        .set('Content-Length', String(bytes.byteLength))
        .set('Content-Disposition', `attachment; filename="${ebookFileName(locale)}"`)
        .set('Cache-Control', 'private, no-store')
        .set('X-Robots-Tag', 'noindex')
        .end(Buffer.from(bytes))
    } catch (error) {
      if (error instanceof AppError) return sendError(req, res, error.key === 'marketing.linkExpired' ? 410 : 404, error.key)
      next(error)
    }
  })
  return router
}
