import { DEFAULT_SITE_PREFS, formatSitePrefs, parseSitePrefs, PREFS_COOKIE, PREFS_COOKIE_MAX_AGE_SECONDS, type SitePrefs } from '@jouwbot/shared/site-prefs'

/**
 * Keeps the `jb_prefs` cookie (packages/shared/src/site-prefs.ts) in step with the choices in
 * localStorage, which stay the source of truth: the server only reads the cookie to render a public
 * page as this browser will show it. Written when a choice is made or changed, and at start-up when
 * it is missing or out of date; a browser without any choice gets no cookie.
 */
export function updatePrefsCookie(change: Partial<SitePrefs>): void {
  if (typeof document === 'undefined') return
  const current = readPrefsCookie()
  const next = { ...(current ?? DEFAULT_SITE_PREFS), ...change }
  const secure = location.protocol === 'https:' ? '; Secure' : ''
  if (formatSitePrefs(next) === formatSitePrefs(DEFAULT_SITE_PREFS)) {
    if (current) document.cookie = `${PREFS_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax${secure}`
    return
  }
  if (current && formatSitePrefs(current) === formatSitePrefs(next)) return
  document.cookie = `${PREFS_COOKIE}=${formatSitePrefs(next)}; Max-Age=${PREFS_COOKIE_MAX_AGE_SECONDS}; Path=/; SameSite=Lax${secure}`
}

function readPrefsCookie(): SitePrefs | null {
  const entry = document.cookie.split('; ').find((c) => c.startsWith(`${PREFS_COOKIE}=`))
  return parseSitePrefs(entry?.slice(PREFS_COOKIE.length + 1))
}
