import { readText, type Storage } from '@jouwbot/storage'
import { signHlsUrl, signMediaUrl } from './media-urls.ts'

/**
 * What course services need from media storage, without knowing where bytes live: a short-lived
 * signed URL for the player (checked again by the media routes), and small text files (captions).
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

export function createMediaGateway(storage: Storage, mediaSecret: string): MediaGateway {
  return {
    videoUrl: ({ viewerId, lessonId, expiresAt }) => signMediaUrl(mediaSecret, { userId: viewerId, lessonId, expiresAt }),
    hlsUrl: ({ viewerId, lessonId, expiresAt }) => signHlsUrl(mediaSecret, { userId: viewerId, lessonId, expiresAt }),
    readText: (key) => readText(storage, key),
  }
}
