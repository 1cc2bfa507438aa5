import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import express, { type Router } from 'express'
import type { AppDeps } from '@jouwbot/api'
import { matchWebRoute } from '@jouwbot/shared'
import { fillShell, shellContent } from './site/public-shell.ts'

/** Paths that belong to the server, never to the SPA: anything unknown below them is a JSON 404. */
const SERVER_PATHS = /^(?!\/(api|trpc|healthz|webhooks|media|attachments|certificates)(\/|$)).*/

/**
 * Serves the built Vite client: hashed files under /assets are cached for a year (immutable);
 * every other GET that is not a server path gets index.html, never cached, so deploys show at once.
 * The status follows the SPA's route table (`@jouwbot/shared` `webRoutePatterns`): 404 outside it,
 * with the SPA's own 404 page. The shell carries each page's title, description, OpenGraph tags and,
 * for the public pages, their content in a `<noscript>` block (public-shell.ts).
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
  router.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }))
  router.use(express.static(distDir, { index: false, maxAge: '1h' }))
  router.get(SERVER_PATHS, async (req, res, next) => {
    try {
      const content = await shellContent(deps, matchWebRoute(req.path), req.path)
      const template = await readFile(index, 'utf8')
      res.status(content.status).type('html').set('Cache-Control', 'no-cache').send(fillShell(template, content, deps.appOrigin))
    } catch (error) {
      next(error)
    }
  })
  return router
}
