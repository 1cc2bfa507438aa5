import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { AppDeps } from '../deps.ts'

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a right
 * password the browser gets a token bound to the account, `<nonce>.<HMAC(account, nonce)>`. A log-in
 * that brings a valid token for the account it names is the owner's known browser: it is throttled
 * on its own (`logInPerKnownDevice`), so nobody else's wrong passwords — from one IP or from many —
 * lock it out. One cookie holds the tokens of the last few accounts used in that browser.
 */
export const DEVICE_COOKIE_MAX_AGE_DAYS = 365
const MAX_TOKENS = 5

type DeviceDeps = Pick<AppDeps, 'pseudonymize'>

const signature = (deps: DeviceDeps, userId: string, nonce: string) => deps.pseudonymize(`known-device:${userId}:${nonce}`)

const tokensIn = (cookie: string | null | undefined): string[] =>
  (cookie ?? '').split('~').filter((token) => /^[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,32}$/.test(token)).slice(0, MAX_TOKENS)

/** The nonce of this account's valid token in the cookie (the device's throttling key), or null. */
export function knownDeviceOf(deps: DeviceDeps, cookie: string | null | undefined, userId: string): string | null {
  for (const token of tokensIn(cookie)) {
    const [nonce, mac] = token.split('.') as [string, string]
    const expected = Buffer.from(signature(deps, userId, nonce))
    const given = Buffer.from(mac)
    if (expected.length === given.length && timingSafeEqual(expected, given)) return nonce
  }
  return null
}

/** The cookie after a right password: this account's token first (kept if it had one), others after. */
export function rememberDevice(deps: DeviceDeps, cookie: string | null | undefined, userId: string): string {
  const existing = tokensIn(cookie)
  const nonce = knownDeviceOf(deps, cookie, userId)
  const own = nonce ? `${nonce}.${signature(deps, userId, nonce)}` : (() => {
    const fresh = randomBytes(16).toString('base64url')
    return `${fresh}.${signature(deps, userId, fresh)}`
  })()
  return [own, ...existing.filter((token) => token !== own)].slice(0, MAX_TOKENS).join('~')
}
