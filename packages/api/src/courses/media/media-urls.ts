import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto'

/**
 * Signed lesson media URLs: the bearer capability a player gets for one user and lesson until it
 * expires (it is no session). Two kinds, one secret:
 *  - video: `/media/lessons/<lessonId>/video?u=<userId>&e=<unix s>&s=<sig>`, signing `<u>.<lesson>.<e>`;
 *  - HLS:   `/media/lessons/<lessonId>/hls/<u>.<e>.<sig>/master.m3u8`, signing `hls.<u>.<lesson>.<e>`.
 * The token of an HLS URL sits in the path, so the relative URIs inside the playlists resolve to
 * URLs that carry it. The `hls.` purpose prefix keeps a video signature from opening the HLS route;
 * ids have no dots, so neither message can be read as the other.
 *
 * Use a secret of its own for these (`deriveMediaSecret`), not the session secret.
 */

/** User and lesson ids are UUIDs or similar: no dots, so `${u}.${l}.${e}` is unambiguous. */
export const MEDIA_ID = /^[A-Za-z0-9_-]{1,64}$/
const UNIX_SECONDS = /^(0|[1-9][0-9]{0,11})$/ // canonical: no leading zeros, no sign
const MIN_SECRET_LENGTH = 32

/** Media URLs get their own key, derived from the session secret, so neither can stand in for the other. */
export function deriveMediaSecret(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('jouwbot:media-url:v1').digest('base64url')
}

export function assertMediaSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`the media URL secret must be at least ${MIN_SECRET_LENGTH} characters`)
  }
}

type Kind = 'video' | 'hls'

function signature(key: KeyObject | string, kind: Kind, userId: string, lessonId: string, expiresUnix: number): string {
  const message = `${userId}.${lessonId}.${expiresUnix}`
  return createHmac('sha256', key).update(kind === 'hls' ? `hls.${message}` : message).digest('base64url')
}

function signed(secret: string, kind: Kind, input: { userId: string; lessonId: string; expiresAt: Date }) {
  assertMediaSecret(secret)
  const { userId, lessonId } = input
  if (!MEDIA_ID.test(userId) || !MEDIA_ID.test(lessonId)) throw new Error('userId and lessonId must match [A-Za-z0-9_-]{1,64}')
  const expires = Math.floor(input.expiresAt.getTime() / 1000)
  if (!Number.isSafeInteger(expires) || expires < 0) throw new Error('invalid expiresAt')
  return { userId, lessonId, expires, sig: signature(secret, kind, userId, lessonId, expires) }
}

/** `/media/lessons/<lessonId>/video?u=<userId>&e=<unix seconds>&s=<sig>` — path and query, no origin. */
export function signMediaUrl(secret: string, input: { userId: string; lessonId: string; expiresAt: Date }): string {
  const { userId, lessonId, expires, sig } = signed(secret, 'video', input)
  return `/media/lessons/${lessonId}/video?u=${userId}&e=${expires}&s=${sig}`
}

/** `/media/lessons/<lessonId>/hls/<u>.<e>.<s>/master.m3u8` — path only, no origin. */
export function signHlsUrl(secret: string, input: { userId: string; lessonId: string; expiresAt: Date }): string {
  const { userId, lessonId, expires, sig } = signed(secret, 'hls', input)
  return `/media/lessons/${lessonId}/hls/${userId}.${expires}.${sig}/master.m3u8`
}

/** A verifier bound to one secret (imported once as a KeyObject: verifying runs per range request). */
export interface MediaUrlVerifier {
  /** The user a video URL was signed for, or null when it is malformed, tampered with or expired. */
  video(lessonId: string, query: URLSearchParams, now: Date): string | null
  /** The same for an HLS token (`<u>.<e>.<sig>`). */
  hls(lessonId: string, token: string, now: Date): string | null
}

/**
 * URLs whose signature matched, remembered exactly as they came (kind, lesson, user, expiry,
 * signature): a player sends the same URL for every range or segment, and the HMAC was a good part
 * of the route's own CPU per request (bench:media). Only a string that verified is kept, so a hit
 * proves what a fresh check would; the expiry is still checked every time.
 */
const VERIFIED_MAX = 10_000

export function mediaUrlVerifier(secret: string): MediaUrlVerifier {
  assertMediaSecret(secret)
  const key = createSecretKey(Buffer.from(secret))
  const verified = new Set<string>()
  const check = (kind: Kind, lessonId: string, u: string | null, e: string | null, s: string | null, now: Date) => {
    if (!MEDIA_ID.test(lessonId) || u === null || !MEDIA_ID.test(u) || e === null || !UNIX_SECONDS.test(e) || !s) return null
    const expires = Number(e)
    if (now.getTime() >= expires * 1000) return null
    const memo = `${kind}.${lessonId}.${u}.${e}.${s}` // ids have no dots; neither has base64url
    if (verified.has(memo)) return u
    // Compare the canonical encodings, not decoded bytes: base64url decoding ignores stray characters
    // and the unused low bits of the last one, so several strings decode to the same signature.
    const expected = Buffer.from(signature(key, kind, u, lessonId, expires))
    const given = Buffer.from(s)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.values().next().value!) // oldest first
    verified.add(memo)
    return u
  }
  const single = (query: URLSearchParams, name: string) => {
    const values = query.getAll(name)
    return values.length === 1 ? values[0]! : null
  }
  return {
    video: (lessonId, query, now) => check('video', lessonId, single(query, 'u'), single(query, 'e'), single(query, 's'), now),
    hls: (lessonId, token, now) => {
      const parts = token.split('.')
      return parts.length === 3 ? check('hls', lessonId, parts[0]!, parts[1]!, parts[2]!, now) : null
    },
  }
}
