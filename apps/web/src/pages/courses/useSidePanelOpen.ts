import { useContext, useState } from 'react'
import { renderingServerMarkup, ServerPrefsContext } from '../../lib/ssr.ts'

/** Where the lesson's side panels fold away (the layout stacks below this width too). */
const NARROW = '(max-width: 980px)'

/**
 * Whether one of the lesson's long side panels (the curriculum, the transcript: a <details> each) is
 * open: open on wide screens, folded on narrow ones, and the viewer's choice wins after that (the
 * caller passes `setOpen` the element's `toggle`). Folded, a panel renders only its summary: on a
 * phone that is dozens of links and buttons less to lay out and hydrate.
 *
 * In markup the server rendered (`inServerMarkup`: the panel's data was in the server's page), the
 * server cannot know the width: the panel is folded when the browser said it is a phone
 * (`Sec-CH-UA-Mobile`, ServerPrefsContext), else open, and hydration starts from what the server
 * wrote, so state and DOM agree (React does not correct an attribute while hydrating, and changing it
 * after the first paint would move everything under it). A panel the browser renders itself (a
 * client-side navigation, a page rendered in the browser, data that was not in the server's HTML)
 * follows the width.
 */
export function useSidePanelOpen(inServerMarkup: boolean) {
  const serverPrefs = useContext(ServerPrefsContext)
  return useState(() =>
    typeof window === 'undefined' || (renderingServerMarkup() && inServerMarkup) ? !serverPrefs.mobile : !window.matchMedia(NARROW).matches,
  )
}
