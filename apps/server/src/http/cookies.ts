import { parseCookie, stringifySetCookie } from 'cookie'
import type { Request, Response } from 'express'
import type { SessionCookies } from '@jouwbot/api'

export const SESSION_COOKIE = 'jb_session'

export function readSessionToken(req: Request): string | null {
  const header = req.headers.cookie
  if (!header) return null
  return parseCookie(header)[SESSION_COOKIE] ?? null
}

/** HttpOnly, SameSite=Lax, Secure whenever the site is served over HTTPS. */
export function sessionCookies(res: Response, secure: boolean): SessionCookies {
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' }
  return {
    set: (token, expiresAt) =>
      res.append('Set-Cookie', stringifySetCookie({ name: SESSION_COOKIE, value: token, ...base, expires: expiresAt })),
    clear: () => res.append('Set-Cookie', stringifySetCookie({ name: SESSION_COOKIE, value: '', ...base, maxAge: 0 })),
  }
}
