import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const api = 'http://127.0.0.1:3000'

/** Path prefixes of the server's own HTTP routes; the trailing slashes keep client pages out. */
const SERVER_PATHS = [
  '/trpc',
  '/healthz',
  '/webhooks/', // POST /webhooks/mollie
  '/checkout/', // POST /checkout/orders/:id/pay (the no-JS "pay again" form)
  '/_mollie/', // the Mollie emulator's test checkout page (embedded default)
  '/invoices/', // GET /invoices/:id.pdf
  '/certificates/', // GET /certificates/:code.pdf (the page is /certificaat/:code)
  '/attachments/', // GET /attachments/lessons/:id/:file
  '/media/', // lesson video and HLS, served ahead of Express
  '/admin/uploads/', // PUT video and captions (the admin pages are /admin/…)
  '/api/stats/', // POST /api/stats/pageview (marketing statistics beacon)
]

/** The npm package a bundled module belongs to (its innermost node_modules folder). */
function packageOf(id: string): string | undefined {
  const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](?!.*[\\/]node_modules[\\/])/.exec(id)
  return match?.[1]?.replace('\\', '/')
}

/** react-markdown and remark-gfm with their unified / micromark tree. */
const MARKDOWN_PACKAGE =
  /^(?:react-markdown|remark-.+|micromark.*|(?:mdast|hast|unist|estree)-util-.+|unified|vfile.*|bail|trough|devlop|zwitch|ccount|longest-streak|trim-lines|is-plain-obj|extend|markdown-table|escape-string-regexp|property-information|(?:space|comma)-separated-tokens|html-url-attributes|style-to-(?:object|js)|inline-style-parser|decode-named-character-reference|character-entities.*|character-reference-invalid|(?:parse|stringify)-entities|is-(?:alphabetical|alphanumerical|decimal|hexadecimal)|@ungap\/structured-clone)$/

function isFormModule(id: string): boolean {
  const name = packageOf(id)
  return name === 'react-hook-form' || name === '@hookform/resolvers'
}

function isMarkdownModule(id: string): boolean {
  return MARKDOWN_PACKAGE.test(packageOf(id) ?? '')
}

/** Text formats worth compressing (images and fonts are compressed already). index.html is left out:
 * the server fills it per request (public-shell.ts) and compresses the result itself. */
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|webmanifest|txt|xml|ico|map)$/
const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip -9) next to every compressible file
 * of the build of at least 1 kB, when smaller than the file, so the server (express-static-gzip in
 * apps/server/src/http/web-client.ts) sends the best encoding the browser accepts without
 * compressing per request.
 */
function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'jouwbot:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir)
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).filter((file) => COMPRESSIBLE.test(file))
      await Promise.all(
        files.map(async (file) => {
          const path = join(outDir, file)
          const raw = await readFile(path)
          if (raw.length < 1024) return
          const [br, gz] = await Promise.all([
            brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
            gzipAsync(raw, { level: 9 }),
          ])
          if (br.length < raw.length) await writeFile(`${path}.br`, br)
          if (gz.length < raw.length) await writeFile(`${path}.gz`, gz)
        }),
      )
    },
  }
}

// `vite build` makes the browser's client in dist/; `vite build --ssr src/entry-server.tsx` the
// server-rendering module in dist-ssr/ (outside dist/, which is served), loaded by the server
// (apps/server/src/http/site/server-render.ts). npm packages stay external there (Node loads them).
export default defineConfig(({ isSsrBuild }) => ({
  plugins: isSsrBuild ? [react()] : [react(), precompress()],
  server: {
    // Every path the server answers itself (apps/server/src/app.ts, boot.ts and http/) goes to the API;
    // everything else, e.g. the client pages /certificaat/:code and /admin/…, stays with Vite.
    proxy: Object.fromEntries(SERVER_PATHS.map((path) => [path, { target: api, changeOrigin: false }])),
  },
  build: isSsrBuild
    ? { outDir: 'dist-ssr', sourcemap: false, emptyOutDir: true, copyPublicDir: false }
    : {
      outDir: 'dist',
      // .vite/manifest.json: which CSS a lazy page needs, linked in the head of its server-rendered HTML.
      manifest: true,
      // Modern browsers only; the polyfill would just add bytes to the entry chunk.
      modulePreload: { polyfill: false },
      sourcemap: false,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // zod is only needed by pages that validate (forms), which load lazily. Matched by package
              // name: a path test for `/zod/` also caught @hookform/resolvers/zod, and with it (groups take
              // their modules' dependencies along) react-hook-form and React itself, so every page loaded it.
              // The shared schemas (`@jouwbot/shared`'s index, all built on zod) go with it: left to the
              // default chunking, rolldown merged them, as a dependency common to many lazy pages, into
              // the entry chunk, and zod with them. The zod-free modules the shell needs (error keys, the
              // Messenger link, the `jb_prefs` cookie format) form their own small chunk first, so the zod group does not take them along.
              // `@jouwbot/shared/money` (euros and decimals, zod-free) is left to the default chunking: it joins the
              // entry chunk, where the web's own formatter was, instead of adding an import to every page that shows a price.
              { name: 'shared', test: /[\\/]packages[\\/]shared[\\/]src[\\/](errors|messenger|site-prefs)\.ts$/ },
              { name: 'zod', test: (id) => packageOf(id) === 'zod' || (/[\\/]packages[\\/]shared[\\/]src[\\/]/.test(id) && !/[\\/]money\.ts$/.test(id)) },
              // Everything else from node_modules changes less often than the app: its own chunk. It
              // comes before the markdown group, which would otherwise pull React in with its imports.
              // hls.js (~580 kB) loads only when a lesson has HLS renditions, through a dynamic import;
              // uPlot only with the statistics dashboard (its lazy route).
              { name: 'vendor', test: (id) => /[\\/]node_modules[\\/]/.test(id) && !isMarkdownModule(id) && !isFormModule(id) && !/[\\/]hls\.js[\\/]/.test(id) && !/[\\/]uplot[\\/]/.test(id) },
              // react-hook-form and its resolvers serve only the form pages (lazy), as zod does. After
              // vendor, so that React, which they import, stays there instead of coming along.
              { name: 'forms', test: isFormModule },
              // react-markdown and its unified/micromark tree: only the course pages render Markdown.
              { name: 'markdown', test: isMarkdownModule },
            ],
          },
        },
      },
    },
}))
