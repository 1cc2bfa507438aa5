import { createHmac } from 'node:crypto'
import type { MediaGateway } from '@jouwbot/api'
import { readText, type Storage } from '@jouwbot/storage'
import { signHlsUrl } from './http/hls-media.ts'
import { signMediaUrl } from './http/media.ts'

/** Media URLs get their own key, derived from the session secret, so neither can stand in for the other. */
export function deriveMediaSecret(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('jouwbot:media-url:v1').digest('base64url')
}

/** The API's view of media: signed player URLs (checked again by the media route) and caption texts. */
export function createMediaGateway(storage: Storage, mediaSecret: string): MediaGateway {
  return {
    videoUrl: ({ viewerId, lessonId, expiresAt }) => signMediaUrl(mediaSecret, { userId: viewerId, lessonId, expiresAt }),
    hlsUrl: ({ viewerId, lessonId, expiresAt }) => signHlsUrl(mediaSecret, { userId: viewerId, lessonId, expiresAt }),
    readText: (key) => readText(storage, key),
  }
}
