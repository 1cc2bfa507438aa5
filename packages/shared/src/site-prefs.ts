/**
 * `jb_prefs`: a strictly necessary first-party cookie mirroring two choices this browser keeps in
 * localStorage (the source of truth), so the server can render a public page as the browser will
 * show it: without the cookie banner once the question is answered, and in the chosen language.
 * It holds no personal data and no identifier — only `v1.<c0|c1>.<nl|en>`.
 */
export const PREFS_COOKIE = 'jb_prefs'
/** As long as a cookie choice is kept (consentStore.ts); renewed whenever the browser rewrites it. */
export const PREFS_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60

export interface SitePrefs {
  /** This browser answered the cookie question (and the answer has not expired). */
  consentAnswered: boolean
  language: 'nl' | 'en'
}

/** What the server assumes without (a valid) cookie: a first visit. */
export const DEFAULT_SITE_PREFS: SitePrefs = { consentAnswered: false, language: 'nl' }

export function formatSitePrefs(prefs: SitePrefs): string {
  return `v1.${prefs.consentAnswered ? 'c1' : 'c0'}.${prefs.language}`
}

/** The cookie's value read strictly: anything else (another version, extra text) counts as no cookie. */
export function parseSitePrefs(value: string | undefined | null): SitePrefs | null {
  const match = /^v1\.c([01])\.(nl|en)$/.exec(value ?? '')
  if (!match) return null
  return { consentAnswered: match[1] === '1', language: match[2] === 'en' ? 'en' : 'nl' }
}

/**
 * What a server render of a public page depends on besides the URL: the cookie's two choices, and
 * whether the browser said it is a phone (the `Sec-CH-UA-Mobile: ?1` request header Chromium-based
 * browsers send; the server cannot know the width). On a phone the lesson's side panels start
 * folded, as the browser would fold them itself; without the header they start open.
 */
export interface RenderPrefs extends SitePrefs {
  mobile: boolean
}

export const DEFAULT_RENDER_PREFS: RenderPrefs = { ...DEFAULT_SITE_PREFS, mobile: false }
