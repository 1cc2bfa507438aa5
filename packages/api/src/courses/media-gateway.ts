/**
 * What course services need from media storage, without knowing where bytes live: a short-lived
 * signed URL for the player, and small text files (captions). The server composes it from the
 * storage adapter and the media route's URL signer.
 */
export interface MediaGateway {
  videoUrl(input: { viewerId: string; lessonId: string; expiresAt: Date }): string
  /** The signed URL of the lesson's HLS master playlist (the media route's HLS variant checks it again). */
  hlsUrl(input: { viewerId: string; lessonId: string; expiresAt: Date }): string
  readText(key: string): Promise<string | null>
}

/** Signed video URLs live this long; the player asks for a fresh lesson payload when one expires. */
export const VIDEO_URL_TTL_MS = 60 * 60_000
/** Who a signed URL names when nobody is logged in (free preview lessons only). */
export const ANONYMOUS_VIEWER = 'anonymous'
