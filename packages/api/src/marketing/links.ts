import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { RateLimitRule } from '@jouwbot/auth'
import type { AppDeps, NewsletterSettings } from '../deps.ts'

/** Double opt-in links are valid this long and work once. */
export const CONFIRM_LINK_HOURS = 48
/** A download link of the e-book: valid this long, for this many downloads. */
export const DOWNLOAD_LINK_DAYS = 7
export const DOWNLOADS_PER_LINK = 5

/** The throttles of the marketing forms (fixed windows in `rate_limits`, pseudonymised keys). */
export const marketingRateLimits = {
  /** Requests from one IP (e-book and newsletter forms together), checked before the answer. */
  formPerIp: { name: 'marketing:ip', limit: 10, windowSeconds: 60 * 60 },
  /** Requests for one address, all IPs together (checked after the answer: silently dropped). */
  formPerEmail: { name: 'marketing:email', limit: 5, windowSeconds: 24 * 60 * 60 },
  /** No confirmation mail to the same address more than once in 10 minutes. */
  mailPerEmail: { name: 'marketing:mail', limit: 1, windowSeconds: 10 * 60 },
} satisfies Record<string, RateLimitRule>

export const defaultNewsletterSettings = (appOrigin: string): NewsletterSettings => {
  const host = new URL(appOrigin).hostname
  return { from: `Jouw Bot nieuwsbrief <nieuwsbrief@${host}>`, ratePerMinute: 600, unsubscribeMailto: `afmelden@${host}` }
}

export function newsletterSettings(deps: Pick<AppDeps, 'newsletter' | 'appOrigin'>): NewsletterSettings {
  return deps.newsletter ?? defaultNewsletterSettings(deps.appOrigin)
}

/** A random url-safe token for a mail link; only its SHA-256 is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function sameText(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest())
}

export function link(appOrigin: string, path: string, params: Record<string, string> = {}): string {
  const url = new URL(path, appOrigin)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  return url.toString()
}

function downloadSignature(deps: Pick<AppDeps, 'pseudonymize'>, grantId: string, expires: number): string {
  return deps.pseudonymize(`ebook-download:${grantId}:${expires}`)
}

/** `/ebook/download?g=<grant>&e=<unix seconds>&s=<HMAC>`: tampering with any part breaks the signature. */
export function signedDownloadPath(deps: Pick<AppDeps, 'pseudonymize'>, grantId: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000)
  return `/ebook/download?g=${grantId}&e=${expires}&s=${downloadSignature(deps, grantId, expires)}`
}

export function checkDownloadSignature(deps: Pick<AppDeps, 'pseudonymize'>, grantId: string, expires: number, signature: string): boolean {
  return sameText(signature, downloadSignature(deps, grantId, expires))
}
