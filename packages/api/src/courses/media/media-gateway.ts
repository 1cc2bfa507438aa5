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

/**
 * Text files (captions) are kept this long per key: `lesson.get` sends them with every lesson, and
 * reading the file each time was a measurable part of its CPU (bench:cpu). An upload stores under a
 * new key (store-lesson-media.ts), so a key's content does not change; a missing file is not kept.
 */
const TEXT_CACHE_MS = 60_000
const TEXT_CACHE_MAX = 500

export function createMediaGateway(storage: Storage, mediaSecret: string): MediaGateway {
  const texts = new Map<string, { until: number; text: Promise<string | null> }>()
  return {
    videoUrl: ({ viewerId, lessonId, expiresAt }) => signMediaUrl(mediaSecret, { userId: viewerId, lessonId, expiresAt }),
    hlsUrl: ({ viewerId, lessonId, expiresAt }) => signHlsUrl(mediaSecret, { userId: viewerId, lessonId, expiresAt }),
    readText: (key) => {
      const at = Date.now()
      const hit = texts.get(key)
      if (hit && hit.until > at) return hit.text
      texts.delete(key)
      if (texts.size >= TEXT_CACHE_MAX) texts.delete(texts.keys().next().value!) // oldest first
      const text = readText(storage, key)
      texts.set(key, { until: at + TEXT_CACHE_MS, text })
      const forget = () => {
        if (texts.get(key)?.text === text) texts.delete(key)
      }
      text.then((found) => found ?? forget(), forget)
      return text
    },
  }
}
