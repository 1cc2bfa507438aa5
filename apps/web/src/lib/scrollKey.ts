import type { Location } from 'react-router'

/*
 * React Router names the entry a full page load starts on "default", whatever its address, so with its
 * own keys every page opened by typing an address or following a link from elsewhere would share one
 * saved scroll position: a page opened after scrolling another one would open scrolled. Such an entry
 * is keyed by its document instead; entries the app pushed keep their own keys.
 */
const documentEntry = `document-${performance.timeOrigin}`

/** `getKey` for `<ScrollRestoration>`. */
export function scrollKey(location: Location): string {
  return location.key === 'default' ? documentEntry : location.key
}
