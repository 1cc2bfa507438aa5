import { Router } from 'express'
import type { AppDeps } from '@jouwbot/api'

/**
 * GET /robots.txt: public pages may be crawled; member, staff and developer pages and every signed
 * or single-use link (mail confirmations, unsubscribe, downloads, invoices) may not. The sitemap
 * (served by the blog, blog-feeds.ts) is named by its absolute address, as the protocol asks.
 */
export function robotsTxt(appOrigin: string): string {
  const disallow = [
    '/admin',
    '/account',
    '/dev',
    '/dashboard',
    '/coach',
    '/coaching',
    '/afrekenen',
    '/bestelling',
    '/checkout',
    '/invoices',
    '/certificates',
    '/certificaat',
    '/attachments',
    '/media',
    '/privacy/exports',
    '/ebook/download',
    '/stappenplan/bevestigen',
    '/nieuwsbrief/bevestigen',
    '/nieuwsbrief/afmelden',
    '/verify-email',
    '/confirm-email',
    '/reset-password',
    '/api',
    '/trpc',
    '/webhooks',
  ]
  return ['User-agent: *', 'Allow: /', ...disallow.map((path) => `Disallow: ${path}`), '', `Sitemap: ${appOrigin}/sitemap.xml`, ''].join('\n')
}

export function robotsRouter(deps: AppDeps): Router {
  const router = Router()
  const body = robotsTxt(deps.appOrigin)
  router.get('/robots.txt', (_req, res) => {
    res.type('text/plain').set('Cache-Control', 'public, max-age=3600').send(body)
  })
  return router
}
