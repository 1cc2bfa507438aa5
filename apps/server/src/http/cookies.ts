import { parseCookie, stringifySetCookie } from 'cookie'
import type { Request, Response } from 'express'
import type { SessionCookies } from '@jouwbot/api'
import { parseSitePrefs, PREFS_COOKIE, type SitePrefs } from '@jouwbot/shared'

export const SESSION_COOKIE = 'jb_session'
/** Marks a browser an account logged in on before (packages/api/src/auth/known-devices.ts). */
export const DEVICE_COOKIE = 'jb_device'
const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60

export function readSessionToken(req: Request): string | null {
  const header = req.headers.cookie
  if (!header) return null
  return parseCookie(header)[SESSION_COOKIE] ?? null
}

export function readDeviceCookie(req: Request): string | null {
  const header = req.headers.cookie
  if (!header) return null
  return parseCookie(header)[DEVICE_COOKIE] ?? null
}

/** The visitor's language and cookie-question answer (set by the browser); null when absent or malformed. */
export function readPrefsCookie(req: Request): SitePrefs | null {
  const header = req.headers.cookie
  if (!header) return null
  return parseSitePrefs(parseCookie(header)[PREFS_COOKIE])
}

/** HttpOnly, SameSite=Lax, Secure whenever the site is served over HTTPS. */
export function sessionCookies(res: Response, secure: boolean): SessionCookies {
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' }
  return {
    set: (token, expiresAt) =>
      res.append('Set-Cookie', stringifySetCookie({ name: SESSION_COOKIE, value: token, ...base, expires: expiresAt })),
    clear: () => res.append('Set-Cookie', stringifySetCookie({ name: SESSION_COOKIE, value: '', ...base, maxAge: 0 })),
    // Sent only with log-in requests' answers; kept a year (a logout leaves it: the browser stays known).
    setDevice: (value) =>
      res.append('Set-Cookie', stringifySetCookie({ name: DEVICE_COOKIE, value, ...base, path: '/trpc', maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS })),
  }
}
