import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router'
import { runWhenIdle } from '../../../lib/idle.ts'
import { readConsent } from '../../privacy/consentStore.ts'

/** The server route that counts a page view (apps/server/src/http/marketing/stats-collect.ts). */
export const PAGE_VIEW_URL = '/api/stats/pageview'

/**
 * Whether this browser asks not to be counted: Do Not Track, Global Privacy Control, or "no" to
 * statistics in our cookie dialog. The server checks DNT/GPC (and a member's objection) again.
 */
function optedOut(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean; msDoNotTrack?: string }
  if (nav.doNotTrack === '1' || nav.msDoNotTrack === '1' || nav.globalPrivacyControl === true) return true
  return readConsent()?.statistics === false
}

/** The referring site's host name, only for the first page of a visit and only from elsewhere. */
function referrerHost(): string | undefined {
  try {
    if (!document.referrer) return undefined
    const host = new URL(document.referrer).hostname
    return host && host !== location.hostname ? host : undefined
  } catch {
    return undefined
  }
}

/** Sends one page view: the path, (first page only) the referring host, and whether statistics were allowed — nothing else. */
export function sendPageView(path: string, referrer: string | undefined): void {
  if (optedOut() || path.length > 300 || /^\/(admin|dev)(\/|$)/.test(path)) return
  // Consent matters while the privacy statement in force promises statistics only with it (the server decides).
  const consent = readConsent()?.statistics === true
  const body = JSON.stringify({ path, ...(referrer ? { referrer } : {}), ...(consent ? { consent } : {}) })
  try {
    if (navigator.sendBeacon(PAGE_VIEW_URL, new Blob([body], { type: 'application/json' }))) return
  } catch {
    // Fall through to fetch.
  }
  void fetch(PAGE_VIEW_URL, { method: 'POST', keepalive: true, credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body }).catch(() => undefined)
}

/** Counts every page the SPA shows (on first load and on each route change), without cookies. */
export function useStatsBeacon(): void {
  const { pathname } = useLocation()
  const first = useRef(true)
  useEffect(() => {
    const referrer = first.current ? referrerHost() : undefined
    first.current = false
    // Nobody waits for it: after the page's start-up (hydration's effects), not inside it.
    runWhenIdle(() => sendPageView(pathname, referrer))
  }, [pathname])
}
