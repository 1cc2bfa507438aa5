import { existsSync } from 'node:fs'
import { join } from 'node:path'
import express, { type Router } from 'express'

/**
 * Serves the built Vite client: hashed files under /assets are cached for a year (immutable);
 * every other GET that is not an API route gets index.html, never cached, so deploys show at once.
 */
export function webClient(distDir: string): Router {
  const router = express.Router()
  const index = join(distDir, 'index.html')
  if (!existsSync(index)) {
    router.get(/^(?!\/(trpc|healthz|webhooks|media|attachments|certificates)\b).*/, (_req, res) => {
      res.status(503).type('text').send('The web client is not built. Run: npx -y pnpm@12 build')
    })
    return router
  }
  router.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }))
  router.use(express.static(distDir, { index: false, maxAge: '1h' }))
  router.get(/^(?!\/(trpc|healthz|webhooks|media|attachments|certificates)\b).*/, (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(index)
  })
  return router
}
