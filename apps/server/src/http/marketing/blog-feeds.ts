import { Router } from 'express'
import type { AppDeps } from '@jouwbot/api'
import { listPublishedPosts } from '@jouwbot/api/marketing/blog'

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
const xml = (value: string) => value.replace(/[&<>"']/g, (c) => xmlEscapes[c]!)

/** Public pages that are not blog posts, for the sitemap. */
export const publicStaticPaths = ['/', '/blog', '/prijzen', '/cursussen', '/privacy', '/voorwaarden']

/** GET /blog/feed.xml (Atom 1.0) and /sitemap.xml (sitemaps.org 0.9). */
export function blogFeedsRouter(deps: AppDeps): Router {
  const router = Router()
  const origin = deps.appOrigin

  router.get('/blog/feed.xml', async (_req, res, next) => {
    try {
      const posts = await listPublishedPosts(deps, { limit: 50 })
      const updated = (posts[0]?.updatedAt ?? new Date(0)).toISOString()
      const entries = posts.map(
        (p) => `  <entry>
    <id>${xml(`${origin}/blog/${p.slug}`)}</id>
    <title>${xml(p.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(`${origin}/blog/${p.slug}`)}"/>
    <published>${p.publishAt!.toISOString()}</published>
    <updated>${p.updatedAt.toISOString()}</updated>
    <author><name>${xml(p.authorName ?? 'Jouw Bot')}</name></author>
    <summary>${xml(p.summary || p.title)}</summary>
${p.tags.map((tag) => `    <category term="${xml(tag)}"/>\n`).join('')}  </entry>
`,
      )
      const feed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
  <id>${xml(`${origin}/blog`)}</id>
  <title>Jouw Bot — Blog</title>
  <link rel="alternate" type="text/html" href="${xml(`${origin}/blog`)}"/>
  <link rel="self" type="application/atom+xml" href="${xml(`${origin}/blog/feed.xml`)}"/>
  <updated>${updated}</updated>
${entries.join('')}</feed>
`
      res.type('application/atom+xml').set('Cache-Control', 'public, max-age=300').send(feed)
    } catch (error) {
      next(error)
    }
  })

  router.get('/sitemap.xml', async (_req, res, next) => {
    try {
      const posts = await listPublishedPosts(deps, { limit: 500 })
      const tags = [...new Set(posts.flatMap((p) => p.tags))].sort()
      const url = (path: string, lastmod?: Date) => `  <url><loc>${xml(`${origin}${path}`)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</url>\n`
      const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${publicStaticPaths.map((p) => url(p)).join('')}${posts.map((p) => url(`/blog/${p.slug}`, p.updatedAt)).join('')}${tags.map((tag) => url(`/blog/tag/${encodeURIComponent(tag)}`)).join('')}</urlset>
`
      res.type('application/xml').set('Cache-Control', 'public, max-age=300').send(body)
    } catch (error) {
      next(error)
    }
  })
  return router
}
