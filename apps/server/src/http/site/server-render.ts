import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Request, Response } from 'express'
import { appRouter, createContextInner, type AppDeps } from '@jouwbot/api'
import { DEFAULT_SITE_PREFS, type SitePrefs, type WebRoutePattern } from '@jouwbot/shared'
import { readPrefsCookie, sessionCookies } from '../cookies.ts'

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

interface EntryServer {
  render(url: URL, query: (path: string, input: unknown) => Promise<unknown>, prefs: SitePrefs): Promise<{ html: string; stateScript: string; status: number } | null>
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
  /** The language the page was rendered in (the `<html lang>`). */
  language: SitePrefs['language']
  /** The lazy page's script chunks, preloaded with the entry's (the browser hydrates only once it has them). */
  scripts: string[]
}

export interface ServerRenderer {
  render(req: Request, res: Response, pattern: WebRoutePattern | null): Promise<ServerRendered | null>
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
  const secure = deps.appOrigin.startsWith('https://')

  return {
    async render(req, res, pattern) {
      if (pattern === null || !(pattern in RENDERED)) return null
      const { entry, manifest } = await load()
      // A visitor's context, as the tRPC adapter builds it for a request without a session: the
      // page holds exactly what the API would answer this visitor (a paid lesson stays locked).
      const ctx = createContextInner({
        deps,
        session: null,
        user: null,
        cookies: sessionCookies(res, secure),
        request: { requestId: String(req.id ?? ''), ip: req.ip ?? 'unknown', userAgent: req.headers['user-agent'] ?? null },
      })
      const caller = appRouter.createCaller(ctx) as unknown
      const query = async (path: string, input: unknown) => {
        let target: unknown = caller
        for (const part of path.split('.')) target = (target as Record<string, unknown>)[part]
        if (typeof target !== 'function') throw new Error(`no query ${path}`)
        return (target as (input: unknown) => Promise<unknown>)(input)
      }
      const prefs = readPrefsCookie(req) ?? DEFAULT_SITE_PREFS
      const rendered = await entry.render(new URL(req.originalUrl, deps.appOrigin), query, prefs)
      if (!rendered || rendered.status !== 200) return null
      const module = RENDERED[pattern]
      return {
        html: rendered.html,
        stateScript: rendered.stateScript,
        language: prefs.language,
        css: module ? unique(chunksOf(manifest, module).flatMap((chunk) => chunk.css ?? [])) : [],
        scripts: module ? unique(chunksOf(manifest, module).map((chunk) => chunk.file)) : [],
      }
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
