import i18n, { startI18n } from './i18n/index.ts'
import './styles/base.css'
import './styles/layout.css'
import './styles/forms.css'
import { hydrate } from '@tanstack/react-query'
import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { createBrowserRouter, matchRoutes } from 'react-router'
import { App } from './App.tsx'
import { yieldToMain } from './lib/idle.ts'
import { updatePrefsCookie } from './lib/prefsCookie.ts'
import { keyDocumentEntry } from './lib/scrollKey.ts'
import { readSsrState, ServerPrefsContext, setHydrating } from './lib/ssr.ts'
import { makeQueryClient } from './lib/trpc.ts'
import { readConsent } from './pages/privacy/consentStore.ts'
import { routes } from './router.tsx'

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')

async function start(container: HTMLElement): Promise<void> {
  // Start-up in steps, each in a task of its own: on a phone, evaluating the scripts and all of
  // this in one task made the longest tasks of the load, while the server-rendered page reads
  // already. First the texts (at once for Dutch; a browser that chose English waits for its texts,
  // no Dutch flash), then the query cache, the route's module, the router, and hydration
  // (time-sliced by React).
  await yieldToMain()
  await startI18n()
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'nl'
  // The cookie mirrors localStorage for the server's next render (existing choices get it too).
  updatePrefsCookie({ consentAnswered: (readConsent()?.statistics ?? null) !== null, language })
  const queryClient = makeQueryClient()
  keyDocumentEntry()
  await yieldToMain()
  // Server-rendered (a public page for a visitor, in the language of its `jb_prefs` cookie:
  // entry-server.tsx) in the language this browser wants: hydrate it, starting from the choices the
  // server used. Otherwise render from scratch (React replaces the markup).
  const state = readSsrState()
  if (state && state.prefs.language === language) {
    hydrate(queryClient, state.queries)
    await yieldToMain()
    // The page's lazy route module must be there before hydrating, or the router would start
    // with its loading fallback instead of the markup the server sent.
    await Promise.all(
      (matchRoutes(routes, window.location) ?? []).map(async ({ route }) => {
        if (typeof route.lazy !== 'function') return
        Object.assign(route, await route.lazy(), { lazy: undefined })
      }),
    )
    await yieldToMain()
    // Hydration data (none: the pages load their data through the query cache) tells the router that
    // the page came from the server, so it leaves the scroll where the reader took it meanwhile
    // instead of scrolling to the top as it starts.
    const router = createBrowserRouter(routes, { hydrationData: {} })
    await yieldToMain()
    setHydrating(true)
    // In a transition, hydration yields to the browser every few milliseconds instead of holding
    // the main thread for the whole page (the page is readable already; taps are replayed).
    startTransition(() => {
      hydrateRoot(
        container,
        <StrictMode>
          <ServerPrefsContext value={state.prefs}>
            <App router={router} queryClient={queryClient} />
          </ServerPrefsContext>
        </StrictMode>,
      )
    })
    return
  }
  createRoot(container).render(
    <StrictMode>
      <App router={createBrowserRouter(routes)} queryClient={queryClient} />
    </StrictMode>,
  )
}

void start(root)
