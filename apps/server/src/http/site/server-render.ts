import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Request } from 'express'
import { appRouter, createContextInner, type AppDeps } from '@jouwbot/api'
import { DEFAULT_SITE_PREFS, type RenderPrefs, type WebRoutePattern } from '@jouwbot/shared'
import { readPrefsCookie } from '../cookies.ts'
import { RenderCache, renderBudget } from './render-cache.ts'

/**
 * Server rendering of the public pages for visitors (no session cookie): the web build's
 * `dist-ssr/entry-server.js` renders the same React components the browser runs, so the page
 * paints from the HTML before its scripts arrive, and the browser hydrates it (apps/web/src/main.tsx).
 * Members, and every other page, get the plain shell as before. The visitor's `jb_prefs` cookie (a
 * mirror of choices kept in localStorage) decides the language and whether the cookie banner shows.
 */

/** Rendered on the server for a visitor, with the source module of each lazy page (for its CSS). */
const RENDERED: Partial<Record<WebRoutePattern, string | null>> = {
  '/': null, // in the entry chunk
  '/prijzen': 'src/pages/checkout/PricingPage.tsx',
  '/cursus/:courseSlug': 'src/pages/courses/CoursePage.tsx',
  '/cursus/:courseSlug/les/:lessonSlug': 'src/pages/courses/LessonPage.tsx',
}

/** Rendered pages kept per (URL, preferences): enough for every public page and language. */
export const RENDER_CACHE_ENTRIES = 500
/** How long a rendered page is served again; an admin edit in this process shows at once. */
export const RENDER_CACHE_TTL_MS = 15_000
/** Renders a process starts per second for pages not in the cache; past it, visitors get the plain shell. */
export const RENDERS_PER_SECOND = 20

/**
 * The visitor's preferences the render reads (the `jb_prefs` cookie: language, cookie question
 * answered; `Sec-CH-UA-Mobile`: a phone), part of the cache key: every value of the request the
 * rendered page depends on is here.
 */
export function renderPreferences(req: Request): RenderPrefs {
  return { ...(readPrefsCookie(req) ?? DEFAULT_SITE_PREFS), mobile: req.get('sec-ch-ua-mobile') === '?1' }
}

/** The cache key of a rendered page: the URL it was rendered from (path and query) and the preferences. */
export function renderKey(url: URL, { language, consentAnswered, mobile }: RenderPrefs): string {
  return `${language}|${consentAnswered ? 1 : 0}|${mobile ? 1 : 0}|${url.pathname}${url.search}`
}

const refuseCookie = (): never => {
  throw new Error('a query set a cookie during server rendering')
}

interface EntryServer {
  render(url: URL, query: (path: string, input: unknown) => Promise<unknown>, prefs: RenderPrefs): Promise<{ html: string; stateScript: string; status: number } | null>
}

interface ManifestChunk {
  file: string
  css?: string[]
  imports?: string[]
  isEntry?: boolean
}

export interface ServerRendered {
  /** Markup for inside `#root`. */
  html: string
  /** The query cache as a JSON script element (main.tsx hydrates from it). */
  stateScript: string
  /** Stylesheets of the lazy page (the entry's own are in the template already). */
  css: string[]
  /** The lazy page's script chunks, preloaded with the entry's (the browser hydrates only once it has them). */
  scripts: string[]
}

export interface ServerRenderer {
  render(req: Request, pattern: WebRoutePattern | null): Promise<ServerRendered | null>
}

/** The renderer for a web build, or null when the build has no server entry (the shell alone). */
export function serverRenderer(distDir: string, deps: AppDeps): ServerRenderer | null {
  const entryFile = join(distDir, '..', 'dist-ssr', 'entry-server.js')
  const manifestFile = join(distDir, '.vite', 'manifest.json')
  if (!existsSync(entryFile) || !existsSync(manifestFile)) return null
  let loaded: Promise<{ entry: EntryServer; manifest: Record<string, ManifestChunk> }> | undefined
  const load = () =>
    (loaded ??= Promise.all([
      import(pathToFileURL(entryFile).href) as Promise<EntryServer>,
      readFile(manifestFile, 'utf8').then((text) => JSON.parse(text) as Record<string, ManifestChunk>),
    ]).then(([entry, manifest]) => ({ entry, manifest })))

  // What a render may depend on is (URL, preferences): the context below is a guest's, the same for
  // every visitor, so one render serves them all for a short while (render-cache.ts).
  const cache = new RenderCache<ServerRendered | null>({
    maxEntries: RENDER_CACHE_ENTRIES,
    ttlMs: RENDER_CACHE_TTL_MS,
    now: () => deps.clock.now().getTime(),
    generation: () => deps.courses.generation,
  })

  const budget = renderBudget(RENDERS_PER_SECOND, () => deps.clock.now().getTime())

  const renderUrl = async (url: URL, prefs: RenderPrefs, pattern: WebRoutePattern, req: Request): Promise<{ value: ServerRendered | null; cache: boolean }> => {
    const { entry, manifest } = await load()
    // A visitor's context, as the tRPC adapter builds it for a request without a session: the
    // page holds exactly what the API would answer this visitor (a paid lesson stays locked). The
    // render is shared by every visitor of the page, so nothing of this request may end up in it:
    // no cookie (queries never set one; if one did, the render fails and the shell goes out).
    const ctx = createContextInner({
      deps,
      session: null,
      user: null,
      cookies: { set: refuseCookie, clear: refuseCookie },
      request: { requestId: String(req.id ?? ''), ip: req.ip ?? 'unknown', userAgent: req.headers['user-agent'] ?? null },
    })
    const caller = appRouter.createCaller(ctx) as unknown
    let failed = false
    const query = async (path: string, input: unknown) => {
      // The page leaves a failed query to the browser: fine for this request, not for a cached page.
      try {
        let target: unknown = caller
        for (const part of path.split('.')) target = (target as Record<string, unknown>)[part]
        if (typeof target !== 'function') throw new Error(`no query ${path}`)
        return await (target as (input: unknown) => Promise<unknown>)(input)
      } catch (error) {
        failed = true
        throw error
      }
    }
    const rendered = await entry.render(url, query, prefs)
    if (!rendered || rendered.status !== 200) return { value: null, cache: false }
    const module = RENDERED[pattern]
    return {
      value: {
        html: rendered.html,
        stateScript: rendered.stateScript,
        css: module ? unique(chunksOf(manifest, module).flatMap((chunk) => chunk.css ?? [])) : [],
        scripts: module ? unique(chunksOf(manifest, module).map((chunk) => chunk.file)) : [],
      },
      cache: !failed,
    }
  }

  return {
    async render(req, pattern) {
      if (pattern === null || !(pattern in RENDERED)) return null
      const url = new URL(req.originalUrl, deps.appOrigin)
      const prefs = renderPreferences(req)
      const key = renderKey(url, prefs)
      if (!cache.has(key) && !budget.take()) return null
      return cache.get(key, () => renderUrl(url, prefs, pattern, req))
    },
  }
}

/** A module's chunk and the chunks it imports statically, apart from the entry's (already in the page). */
function chunksOf(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): ManifestChunk[] {
  const chunk = manifest[key]
  if (!chunk || seen.has(key) || chunk.isEntry) return []
  seen.add(key)
  return [chunk, ...(chunk.imports ?? []).flatMap((imported) => chunksOf(manifest, imported, seen))]
}

const unique = (files: string[]) => [...new Set(files)].map((file) => `/${file}`)
