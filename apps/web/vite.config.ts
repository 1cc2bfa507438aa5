import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

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

function isMarkdownModule(id: string): boolean {
  return MARKDOWN_PACKAGE.test(packageOf(id) ?? '')
}

export default defineConfig({
  plugins: [react()],
  server: {
    // Every path the server answers itself (apps/server/src/app.ts, boot.ts and http/) goes to the API;
    // everything else, e.g. the client pages /certificaat/:code and /admin/…, stays with Vite.
    proxy: Object.fromEntries(SERVER_PATHS.map((path) => [path, { target: api, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    // Modern browsers only; the polyfill would just add bytes to the entry chunk.
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // zod (with the shared schemas) is only needed by pages with forms, which load lazily.
            { name: 'zod', test: /[\\/]node_modules[\\/].*[\\/]zod[\\/]/ },
            // Everything else from node_modules changes less often than the app: its own chunk. It
            // comes before the markdown group, which would otherwise pull React in with its imports.
            // hls.js (~580 kB) loads only when a lesson has HLS renditions, through a dynamic import;
            // uPlot only with the statistics dashboard (its lazy route).
            { name: 'vendor', test: (id) => /[\\/]node_modules[\\/]/.test(id) && !isMarkdownModule(id) && !/[\\/]hls\.js[\\/]/.test(id) && !/[\\/]uplot[\\/]/.test(id) },
            // react-markdown and its unified/micromark tree: only the course pages render Markdown.
            { name: 'markdown', test: isMarkdownModule },
          ],
        },
      },
    },
  },
})
