import type { DehydratedState } from '@tanstack/react-query'
import { DEFAULT_RENDER_PREFS, type RenderPrefs } from '@jouwbot/shared/site-prefs'
import { createContext } from 'react'
import superjson from 'superjson'

/** The id of the `<script type="application/json">` holding a server-rendered page's query cache. */
export const SSR_STATE_ID = 'jb-ssr-state'

/** What the server puts next to server-rendered markup (entry-server.tsx); superjson-encoded. */
export interface SsrState {
  queries: DehydratedState
  /** What the server rendered with (the `jb_prefs` cookie's choices, a phone or not); hydration starts from them. */
  prefs: RenderPrefs
}

/**
 * The choices server-rendered markup was made with: set on the server and while hydrating, so a
 * component starts from what the server rendered (e.g. the cookie banner shown or not, the lesson's
 * panels folded on a phone).
 */
export const ServerPrefsContext = createContext<RenderPrefs>(DEFAULT_RENDER_PREFS)

/** The server-rendered page's state, or null for a page the browser renders itself. */
export function readSsrState(): SsrState | null {
  const text = document.getElementById(SSR_STATE_ID)?.textContent
  if (!text) return null
  try {
    return superjson.deserialize<SsrState>(JSON.parse(text) as Parameters<typeof superjson.deserialize>[0])
  } catch {
    return null
  }
}

let hydrating = false

/**
 * True while React hydrates server-rendered markup: a component whose first state depends on this
 * browser (localStorage) must then start from what the server rendered, and correct it after.
 * Always true on the server.
 */
export function renderingServerMarkup(): boolean {
  return typeof document === 'undefined' || hydrating
}

export function setHydrating(value: boolean): void {
  hydrating = value
}
