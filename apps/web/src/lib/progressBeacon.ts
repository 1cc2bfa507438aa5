import superjson from 'superjson'
import type { SaveProgressInput } from '../pages/courses/types.ts'

/** The tRPC endpoint of `lesson.saveProgress` for a single (non-batched) call. */
export const SAVE_PROGRESS_URL = '/trpc/lesson.saveProgress'

/**
 * Saves progress while the page is going away (tab closed, navigated elsewhere, app switched on a
 * phone), when an ordinary request may be cancelled. The body is exactly what the tRPC client would
 * send for one call: the superjson envelope `{ json, meta }`, so `clientTime` arrives as a Date.
 *
 * `sendBeacon` sends the session cookie and, being same-origin, `Sec-Fetch-Site: same-origin`, which
 * the CSRF guard accepts; the Blob's type gives the `application/json` content type the server
 * requires. Where a browser refuses the beacon (returns false or throws), a keepalive fetch does the
 * same job.
 */
export function sendProgressBeacon(input: SaveProgressInput): 'beacon' | 'fetch' {
  const body = JSON.stringify(superjson.serialize(input))
  try {
    if (navigator.sendBeacon(SAVE_PROGRESS_URL, new Blob([body], { type: 'application/json' }))) return 'beacon'
  } catch {
    // Fall through to fetch.
  }
  void fetch(SAVE_PROGRESS_URL, {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body,
  }).catch(() => undefined)
  return 'fetch'
}
