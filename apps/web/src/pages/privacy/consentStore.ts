import { updatePrefsCookie } from '../../lib/prefsCookie.ts'

/**
 * The cookie choices of this browser, kept in localStorage (`jouwbot.consent`, a strictly necessary
 * entry declared in the privacy registry) with a random browser id that the server's consent log uses
 * for visitors. Nothing non-essential is stored or set before a choice: `applyConsent` is the one place
 * that sets or removes the statistics cookie.
 */
export const CONSENT_STORAGE_KEY = 'jouwbot.consent'
export const STATS_COOKIE = 'jb_stats'
/** A visitor's choice is asked again after a year (the server forgets it after 12 months too). */
const MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000

export interface StoredConsent {
  browserId: string
  statistics: boolean | null
  decidedAt: string | null
}

export function readConsent(): StoredConsent | null {
  try {
    const raw = localStorage.getItem(CONSENT_STORAGE_KEY)
    if (!raw) return null
    const parsed = JSON.parse(raw) as Partial<StoredConsent>
    if (typeof parsed.browserId !== 'string') return null
    const decidedAt = typeof parsed.decidedAt === 'string' ? parsed.decidedAt : null
    const expired = decidedAt !== null && Date.now() - new Date(decidedAt).getTime() > MAX_AGE_MS
    return {
      browserId: parsed.browserId,
      statistics: expired || typeof parsed.statistics !== 'boolean' ? null : parsed.statistics,
      decidedAt: expired ? null : decidedAt,
    }
  } catch {
    return null
  }
}

/** The browser id, made (and stored) only when a choice is saved — never on a mere visit. */
export function browserIdForSaving(): string {
  return readConsent()?.browserId ?? crypto.randomUUID()
}

export function storeConsent(consent: StoredConsent): void {
  try {
    localStorage.setItem(CONSENT_STORAGE_KEY, JSON.stringify(consent))
  } catch {
    // Storage unavailable: the choice still applies for this page view and is logged on the server.
  }
  updatePrefsCookie({ consentAnswered: consent.statistics !== null })
  applyConsent(consent.statistics === true)
}

/** Sets the first-party statistics cookie only with consent; removes it when consent is withdrawn. */
export function applyConsent(statistics: boolean): void {
  const secure = location.protocol === 'https:' ? '; Secure' : ''
  if (statistics) {
    if (!document.cookie.split('; ').some((c) => c.startsWith(`${STATS_COOKIE}=`))) {
      document.cookie = `${STATS_COOKIE}=${crypto.randomUUID()}; Max-Age=${MAX_AGE_MS / 1000}; Path=/; SameSite=Lax${secure}`
    }
  } else {
    document.cookie = `${STATS_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax${secure}`
  }
}

/** The footer's "cookie settings" link opens the dialog through this event. */
export const OPEN_CONSENT_EVENT = 'jouwbot:open-consent'
export function openConsentSettings(): void {
  window.dispatchEvent(new Event(OPEN_CONSENT_EVENT))
}
