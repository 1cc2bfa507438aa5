import { dehydrate, QueryClientProvider } from '@tanstack/react-query'
import { createTRPCClient, TRPCClientError, type TRPCLink } from '@trpc/client'
import { observable } from '@trpc/server/observable'
import type { RenderPrefs, SitePrefs } from '@jouwbot/shared'
import { StrictMode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { prerenderToNodeStream } from 'react-dom/static'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router'
import superjson from 'superjson'
import i18n, { startI18n } from './i18n/index.ts'
import { SudoProvider } from './components/SudoProvider.tsx'
import { loadMarkdownRenderer } from './components/Markdown.tsx'
import { ServerPrefsContext, SSR_STATE_ID, type SsrState } from './lib/ssr.ts'
import { makeQueryClient, TRPCProvider, type AppRouter } from './lib/trpc.ts'
import { routes } from './router.tsx'

/**
 * Server rendering of the public pages for a visitor without a session (apps/server/src/http/
 * web-client.ts): the same components as the browser, rendered to HTML that paints before any
 * script arrives; main.tsx then hydrates it.
 *
 * The server hands in `query(path, input)`, which answers a tRPC query through the real router
 * with the visitor's (guest) context, so the data in the page is exactly what the API itself would
 * give this visitor (a paid lesson stays locked). Which queries a page needs is found by rendering:
 * a render records every query it uses in the cache, they are fetched, and the page is rendered
 * again until no new query appears (at most a few rounds). Failed queries are left out, so the
 * browser asks for them again, as without server rendering.
 *
 * `prefs` (the visitor's `jb_prefs` cookie, and whether the browser is a phone) picks the language,
 * whether the cookie banner is in the page and whether the lesson's side panels start folded; they
 * go into the state too, and the browser hydrates from the same.
 */
export type ServerQuery = (path: string, input: unknown) => Promise<unknown>

export interface RenderResult {
  /** The markup inside `#root`. */
  html: string
  /** A `<script type="application/json">` with the query cache; no executable inline script (CSP). */
  stateScript: string
  status: number
}

const MAX_ROUNDS = 4

export async function render(url: URL, query: ServerQuery, prefs: RenderPrefs): Promise<RenderResult | null> {
  const handler = createStaticHandler(routes)
  const context = await handler.query(new Request(url.href))
  if (context instanceof Response) return null // a <Navigate> or redirect: leave it to the browser
  const router = createStaticRouter(handler.dataRoutes, context)
  const queryClient = makeQueryClient()
  const trpcClient = createTRPCClient<AppRouter>({ links: [serverLink(query)] })
  // Its own instance per render: concurrent renders may be in different languages.
  const translations = await forLanguage(prefs.language)
  await loadMarkdownRenderer()

  const app = (
    <StrictMode>
      <I18nextProvider i18n={translations}>
        <ServerPrefsContext value={prefs}>
          <QueryClientProvider client={queryClient}>
            <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
              <SudoProvider>
                <StaticRouterProvider router={router} context={context} hydrate={false} />
              </SudoProvider>
            </TRPCProvider>
          </QueryClientProvider>
        </ServerPrefsContext>
      </I18nextProvider>
    </StrictMode>
  )

  const tried = new Set<string>()
  let html = ''
  for (let round = 0; round < MAX_ROUNDS; round++) {
    html = await toHtml(app)
    const fresh = queryClient
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.status === 'pending' && !tried.has(q.queryHash) && q.options.queryFn)
    if (fresh.length === 0) break
    for (const q of fresh) tried.add(q.queryHash)
    await Promise.all(fresh.map((q) => queryClient.fetchQuery({ ...q.options, queryKey: q.queryKey, retry: false }).catch(() => undefined)))
    // The browser will ask for these itself; in the cache they would render as errors.
    queryClient.removeQueries({ predicate: (q) => q.state.status !== 'success' })
  }

  const state: SsrState = { queries: dehydrate(queryClient), prefs }
  // `<` escaped: the JSON can never close its script element, whatever a text contains.
  const json = JSON.stringify(superjson.serialize(state)).replace(/</g, '\\u003c')
  return {
    html,
    stateScript: `<script type="application/json" id="${SSR_STATE_ID}">${json}</script>`,
    status: context.statusCode,
  }
}

/** An i18next instance in `language`, sharing the loaded texts (English is loaded on first use). */
async function forLanguage(language: SitePrefs['language']): Promise<typeof i18n> {
  await startI18n()
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    i18n.addResourceBundle('en', 'translation', (await import('./i18n/en.json')).default)
  }
  return i18n.cloneInstance({ lng: language })
}

/** The whole page, waiting for every lazy part (unlike renderToString, which would leave fallbacks). */
async function toHtml(app: React.ReactElement): Promise<string> {
  const { prelude } = await prerenderToNodeStream(app, { onError: () => undefined })
  let out = ''
  for await (const chunk of prelude) out += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8')
  return out
}

function serverLink(query: ServerQuery): TRPCLink<AppRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        if (op.type !== 'query') {
          observer.error(new TRPCClientError('only queries are answered while rendering on the server'))
          return
        }
        query(op.path, op.input).then(
          (data) => {
            observer.next({ result: { type: 'data', data } })
            observer.complete()
          },
          (error: unknown) => observer.error(TRPCClientError.from(error instanceof Error ? error : new Error(String(error)))),
        )
      })
}
