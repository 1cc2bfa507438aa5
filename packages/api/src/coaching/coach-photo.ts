import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { coachProfiles, eq } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { openUploadedImage } from '../images.ts'

/** An uploaded original may be this large; what is stored is a few dozen kB. */
export const COACH_PHOTO_MAX_BYTES = 10 * 1024 * 1024
/** Stored square, this many pixels a side (cropped to the most interesting part, never enlarged beyond it). */
export const COACH_PHOTO_SIZE = 400

/** Each coach's photo lives under their own prefix, declared in the privacy registry (export, erasure). */
export const coachPhotoPrefix = (coachId: string) => `coaching/coaches/${coachId}/`
/** `photo-<uuid>.webp`: the only names the photo route serves; a new upload gets a new name. */
export const coachPhotoName = /^photo-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.webp$/

/** The public URL of a stored photo (`GET /coaching/fotos/<coachId>/<file>`), or null. */
export function coachPhotoUrl(coachId: string, photoKey: string | null): string | null {
  if (!photoKey || !photoKey.startsWith(coachPhotoPrefix(coachId))) return null
  return `/coaching/fotos/${coachId}/${photoKey.slice(coachPhotoPrefix(coachId).length)}`
}

/**
 * The coach's photo: decoded by sharp (only real images pass), turned upright, cropped to a
 * 400×400 square and stored as WebP without any metadata (EXIF, GPS, camera). The previous photo
 * is deleted once the profile points at the new one.
 */
export async function uploadCoachPhoto(deps: Pick<AppDeps, 'db' | 'clock' | 'storage'>, options: { coachId: string; bytes: Buffer }) {
  if (options.bytes.length > COACH_PHOTO_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'coaching.photoTooLarge')
  const [profile] = await deps.db.select({ photoKey: coachProfiles.photoKey }).from(coachProfiles).where(eq(coachProfiles.userId, options.coachId))
  if (!profile) throw new AppError('NOT_FOUND', 'coaching.coachNotFound')
  const { image } = await openUploadedImage(options.bytes, 'coaching.photoNotAnImage')
  let webp: Buffer
  try {
    webp = await image.resize(COACH_PHOTO_SIZE, COACH_PHOTO_SIZE, { fit: 'cover', position: 'attention' }).webp({ quality: 82 }).toBuffer()
  } catch {
    // A header that reads but a body that does not (a truncated file).
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'coaching.photoNotAnImage')
  }
  const key = `${coachPhotoPrefix(options.coachId)}photo-${randomUUID()}.webp`
  await deps.storage.write(key, Readable.from([webp]), { contentType: 'image/webp', maxBytes: COACH_PHOTO_MAX_BYTES })
  const [updated] = await deps.db.update(coachProfiles).set({ photoKey: key, updatedAt: deps.clock.now() }).where(eq(coachProfiles.userId, options.coachId)).returning({ userId: coachProfiles.userId })
  if (!updated) {
    await deps.storage.delete(key)
    throw new AppError('NOT_FOUND', 'coaching.coachNotFound')
  }
  if (profile.photoKey && profile.photoKey !== key) await deps.storage.delete(profile.photoKey)
  return { photoUrl: coachPhotoUrl(options.coachId, key)! }
}

/** Removes the coach's photo: the profile forgets it and the object is deleted. */
export async function removeCoachPhoto(deps: Pick<AppDeps, 'db' | 'clock' | 'storage'>, options: { coachId: string }): Promise<{ removed: boolean }> {
  const [profile] = await deps.db.select({ photoKey: coachProfiles.photoKey }).from(coachProfiles).where(eq(coachProfiles.userId, options.coachId))
  if (!profile) throw new AppError('NOT_FOUND', 'coaching.coachNotFound')
  if (!profile.photoKey) return { removed: false }
  await deps.db.update(coachProfiles).set({ photoKey: null, updatedAt: deps.clock.now() }).where(eq(coachProfiles.userId, options.coachId))
  await deps.storage.delete(profile.photoKey)
  return { removed: true }
}

/** The stored photo behind `GET /coaching/fotos/<coachId>/<file>`: only the one the profile points at now. */
export async function findCoachPhoto(deps: Pick<AppDeps, 'db'>, options: { coachId: string; file: string }): Promise<string | null> {
  if (!coachPhotoName.test(options.file) || !/^[0-9a-f-]{36}$/.test(options.coachId)) return null
  const key = `${coachPhotoPrefix(options.coachId)}${options.file}`
  const [profile] = await deps.db.select({ photoKey: coachProfiles.photoKey }).from(coachProfiles).where(eq(coachProfiles.userId, options.coachId))
  return profile?.photoKey === key ? key : null
}
