import { join } from 'node:path'
import { createLocalStorage, createS3Storage, type Storage } from '@jouwbot/storage'
import { ConfigError, type Env } from './env.ts'

/**
 * S3-compatible storage when S3_BUCKET is set (media then goes to the browser by presigned
 * redirect); otherwise a folder on local disk, streamed by Node or handed to nginx (X-Accel).
 */
export function createMediaStorage(env: Env): { storage: Storage; delivery: 'node' | 'x-accel' | 'redirect' } {
  if (env.S3_BUCKET) {
    if (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) {
      throw new ConfigError('S3_BUCKET needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.')
    }
    const storage = createS3Storage({
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_ENDPOINT !== undefined,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    })
    return { storage, delivery: 'redirect' }
  }
  return { storage: createLocalStorage(env.MEDIA_DIR ?? join(env.DATA_DIR, 'media')), delivery: env.MEDIA_DELIVERY }
}

/** Origins the browser may load media from besides our own: the S3 endpoint in redirect mode (CSP). */
export function storageOrigins(env: Env): string[] {
  if (!env.S3_BUCKET) return []
  if (env.S3_ENDPOINT) return [new URL(env.S3_ENDPOINT).origin]
  return [`https://${env.S3_BUCKET}.s3.${env.S3_REGION}.amazonaws.com`]
}
