import type { Location } from 'react-router'

/*
 * React Router keys the history entry a full page load starts on "default", whatever its address, so
 * with its own keys every page opened by typing an address or following a link from elsewhere would
 * share one saved scroll position: a page opened after scrolling another one would open scrolled.
 * Such an entry gets a key of its own instead, kept in its history state (React Router keeps other
 * fields there), so that a reload of it or a return to it finds its position again.
 */
let documentEntry: string | null = null

/** Gives the entry this page load started on its own key, or finds it again; before the router starts. */
export function keyDocumentEntry(): void {
  const state = (window.history.state ?? {}) as { scrollKey?: unknown }
  if (typeof state.scrollKey === 'string') {
    documentEntry = state.scrollKey
    return
  }
  documentEntry = `document-${Math.random().toString(36).slice(2, 12)}`
  window.history.replaceState({ ...state, scrollKey: documentEntry }, '')
}

/** `getKey` for `<ScrollRestoration>`. */
export function scrollKey(location: Location): string {
  return location.key === 'default' && documentEntry ? documentEntry : location.key
}
