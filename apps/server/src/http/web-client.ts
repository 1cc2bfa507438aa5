import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import express, { type Request, type Response, type Router } from 'express'
import expressStaticGzip from 'express-static-gzip'
import type { AppDeps } from '@jouwbot/api'
import type { Logger } from 'pino'
import { matchWebRoute } from '@jouwbot/shared'
import { readSessionToken } from './cookies.ts'
import { fillShell, shellContent } from './site/public-shell.ts'
import { renderPreferences, serverRenderer } from './site/server-render.ts'

/** Paths that belong to the server, never to the SPA: anything unknown below them is a JSON 404. */
const SERVER_PATHS = /^(?!\/(api|trpc|healthz|webhooks|media|attachments|certificates)(\/|$)).*/

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** serve-static options plus the precompressed variants the web build writes (apps/web/vite.config.ts). */
const precompressed = (serveStatic: expressStaticGzip.ExpressStaticGzipOptions['serveStatic']) =>
  ({ enableBrotli: true, orderPreference: ['br', 'gzip'], index: false, serveStatic }) satisfies expressStaticGzip.ExpressStaticGzipOptions

/**
 * Sends the filled page shell compressed as the browser accepts (brotli, else gzip), with `Vary:
 * Accept-Encoding`; Express adds the ETag (of the bytes sent) and answers 304 when it matches. The
 * shell is a few kB and differs per path, so it is compressed per request, quickly (brotli level 5).
 */
async function sendHtml(req: Request, res: Response, status: number, html: string): Promise<void> {
  res.status(status).type('html').set('Cache-Control', 'no-cache').vary('Accept-Encoding')
  // Our preference (brotli), among what the browser accepts (q=0 excluded); negotiator alone would
  // follow the header's order, and browsers list gzip first.
  const accepted = req.acceptsEncodings()
  if (accepted.includes('br')) {
    res.set('Content-Encoding', 'br').send(await brotli(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }))
  } else if (accepted.includes('gzip')) {
    res.set('Content-Encoding', 'gzip').send(await gzipAsync(html, { level: 6 }))
  } else {
    res.send(html)
  }
}

/**
 * Serves the built Vite client: hashed files under /assets are cached for a year (immutable);
 * every other GET that is not a server path gets index.html, never cached, so deploys show at once.
 * The status follows the SPA's route table (`@jouwbot/shared` `webRoutePatterns`): 404 outside it,
 * with the SPA's own 404 page. The shell carries each page's title, description, OpenGraph tags and,
 * for the public pages, their content in a `<noscript>` block (public-shell.ts). A visitor without a
 * session gets the landing, pricing, course and lesson pages server-rendered (server-render.ts).
 *
 * Static files go out precompressed: the web build writes `.br` and `.gz` next to each text file and
 * express-static-gzip picks the best one the request's Accept-Encoding allows (with the original's
 * Content-Type, `Vary: Accept-Encoding` and an ETag per variant); the shell is compressed per request.
 */
export function webClient(distDir: string, deps: AppDeps): Router {
  const router = express.Router()
  const index = join(distDir, 'index.html')
  if (!existsSync(index)) {
    router.get(SERVER_PATHS, (_req, res) => {
      res.status(503).type('text').send('The web client is not built. Run: npx -y pnpm@12 build')
    })
    return router
  }
  router.use('/assets', expressStaticGzip(join(distDir, 'assets'), precompressed({ immutable: true, maxAge: '365d', fallthrough: false })))
  const rootFiles = expressStaticGzip(distDir, precompressed({ index: false, maxAge: '1h' }))
  // express-static-gzip decodes the path without a guard (a 400 for `/%E0%A4%A`); no file has such a
  // name, so a path that does not decode goes on to the shell's 404 as every other unknown path.
  router.use((req, res, next) => (decodes(req.path) ? rootFiles(req, res, next) : next()))
  const renderer = serverRenderer(distDir, deps)
  router.get(SERVER_PATHS, async (req, res, next) => {
    try {
      const pattern = matchWebRoute(req.path)
      const guest = readSessionToken(req) === null
      const content = await shellContent(deps, pattern, req.path, renderPreferences(req).language)
      // A page that fails to render on the server still works as the plain shell (the browser renders it).
      const rendered =
        guest && renderer && content.status === 200
          ? await renderer.render(req, pattern).catch((error: unknown) => {
              ;(req as { log?: Logger }).log?.error({ err: error, requestId: req.id }, 'server rendering failed; sent the plain shell')
              return null
            })
          : null
      const template = await readFile(index, 'utf8')
      // A rendered page depends on whether the browser said it is a phone (renderPreferences).
      if (rendered) res.vary('Sec-CH-UA-Mobile')
      await sendHtml(req, res, content.status, fillShell(template, content, deps.appOrigin, { guest, rendered }))
    } catch (error) {
      next(error)
    }
  })
  return router
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}
