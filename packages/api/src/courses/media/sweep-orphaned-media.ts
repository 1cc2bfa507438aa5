import { rmdir } from 'node:fs/promises'
import { lessons } from '@jouwbot/db'
import type { Storage } from '@jouwbot/storage'
import type { AppDeps } from '../../deps.ts'

/**
 * Daily: deletes lesson media that no lesson refers to any more — what deleting a lesson, or
 * replacing its video or captions, leaves behind when the upload route's own clean-up did not run
 * (a failed delete, a crash, a lesson deleted with its files).
 *
 * Key layout (seed-course.ts, http/uploads.ts, hls.ts):
 *   courses/<course>/videos|captions|attachments/<file>    seeded media, shared by lessons
 *   courses/<course>/uploads/<lessonId>-<random>.mp4|.vtt  admin uploads
 *   courses/<course>/uploads/<lessonId>-<random>/hls/…     HLS renditions of that upload
 * Any course slug is swept (a renamed course keeps its old keys); nothing outside these four
 * folders of `courses/<course>/` is touched.
 *
 * Kept: every key a lesson names (video, captions, attachments), everything under the HLS folder of
 * a lesson's recorded master playlist and under the HLS folder of a lesson's current video (the
 * media.hls job writes renditions before it records the master), and every object modified within
 * the grace period — so an upload between "stored" and "lesson points at it", or renditions just
 * written, are never deleted. Uploads in progress are invisible anyway (local writes go to hidden
 * temp files; S3 shows an object only once it is complete).
 *
 * Safe to run twice at once: the references are read after the listing, deleting a deleted object
 * is no error (both runs may then count it). A database without a single lesson deletes nothing:
 * pointed at a fresh or wrong database, the sweep must not empty a media bucket.
 */

export const MEDIA_SWEEP_GRACE_MS = 24 * 60 * 60_000

/** Where lesson media live; the listing starts here. */
export const LESSON_MEDIA_ROOT = 'courses/'
/** `courses/<course>/<folder>/…`, the folders lesson media are written to. */
const LESSON_MEDIA_KEY = /^courses\/[^/]+\/(?:videos|captions|attachments|uploads)\/./

/** The folder the media.hls job writes renditions of `videoKey` to, with a trailing slash (as hls.ts's `hlsPrefixFor`). */
export function hlsFolderOf(videoKey: string): string {
  return `${videoKey.replace(/\.[^./]+$/, '')}/hls/`
}

export interface SweepOrphanedMediaDeps extends Pick<AppDeps, 'db' | 'clock'> {
  storage: Storage
}

export interface SweepOrphanedMediaOptions {
  /** Objects modified more recently than this are kept even when nothing refers to them (default 24 h). */
  graceMs?: number
  /** Called for an object that could not be deleted; the sweep goes on with the others. */
  onDeleteError?: (key: string, error: unknown) => void
}

export interface SweepOrphanedMediaResult {
  /** Lesson-media objects seen. */
  scanned: number
  /** Still referenced by a lesson. */
  referenced: number
  /** Unreferenced, but modified within the grace period: kept for now. */
  recent: number
  /** Unreferenced and older than the grace period. */
  orphaned: number
  deleted: number
  deletedBytes: number
  /** Orphans whose deletion failed (reported through `onDeleteError`). */
  failed: number
  /** The database had no lessons at all, so the orphans were left alone. */
  skippedNoLessons: boolean
}

/** What the lessons refer to right now: exact keys, and folders whose whole content is in use. */
export async function lessonMediaReferences(db: AppDeps['db']): Promise<{ keys: Set<string>; folders: string[]; lessons: number }> {
  const rows = await db
    .select({ videoKey: lessons.videoKey, hlsKey: lessons.hlsKey, captionsKey: lessons.captionsKey, attachments: lessons.attachments })
    .from(lessons)
  const keys = new Set<string>()
  const folders = new Set<string>()
  for (const row of rows) {
    if (row.videoKey) {
      keys.add(row.videoKey)
      folders.add(hlsFolderOf(row.videoKey))
    }
    if (row.hlsKey) {
      keys.add(row.hlsKey)
      folders.add(row.hlsKey.slice(0, row.hlsKey.lastIndexOf('/') + 1))
    }
    if (row.captionsKey) keys.add(row.captionsKey)
    for (const attachment of row.attachments) keys.add(attachment.key)
  }
  folders.delete('') // an hlsKey without a folder would otherwise keep everything
  return { keys, folders: [...folders], lessons: rows.length }
}

export async function sweepOrphanedMedia(deps: SweepOrphanedMediaDeps, options: SweepOrphanedMediaOptions = {}): Promise<SweepOrphanedMediaResult> {
  const { storage } = deps
  if (!storage.list) throw new Error('this storage cannot list its objects')
  const graceMs = options.graceMs ?? MEDIA_SWEEP_GRACE_MS
  if (!Number.isFinite(graceMs) || graceMs < 0) throw new RangeError('graceMs must be a non-negative number')
  const cutoff = deps.clock.now().getTime() - graceMs

  // 1. List first, then read the references: a reference made before the listing ends is seen.
  const listed: Array<{ key: string; size: number; old: boolean }> = []
  for await (const object of storage.list(LESSON_MEDIA_ROOT)) {
    if (LESSON_MEDIA_KEY.test(object.key)) listed.push({ key: object.key, size: object.size, old: object.lastModified.getTime() <= cutoff })
  }
  const references = await lessonMediaReferences(deps.db)
  const inUse = (key: string) => references.keys.has(key) || references.folders.some((folder) => key.startsWith(folder))

  const result: SweepOrphanedMediaResult = {
    scanned: listed.length,
    referenced: 0,
    recent: 0,
    orphaned: 0,
    deleted: 0,
    deletedBytes: 0,
    failed: 0,
    skippedNoLessons: false,
  }
  const orphans: Array<{ key: string; size: number }> = []
  for (const object of listed) {
    if (inUse(object.key)) result.referenced += 1
    else if (!object.old) result.recent += 1
    else orphans.push(object)
  }
  result.orphaned = orphans.length
  if (references.lessons === 0) return { ...result, skippedNoLessons: orphans.length > 0 }

  // 2. Delete the orphans, one by one; a failure is reported and the rest goes on.
  const deleted: string[] = []
  for (const object of orphans) {
    try {
      await storage.delete(object.key)
      result.deleted += 1
      result.deletedBytes += object.size
      deleted.push(object.key)
    } catch (error) {
      result.failed += 1
      options.onDeleteError?.(object.key, error)
    }
  }

  // 3. Local disk keeps folders: remove the ones the deletions emptied (HLS folders of deleted
  //    uploads), never `courses/<course>/<folder>/` itself or anything above it.
  if (storage.localPath && deleted.length > 0) await removeEmptiedFolders(storage, deleted)
  return result
}

async function removeEmptiedFolders(storage: Storage, deletedKeys: string[]): Promise<void> {
  const folders = new Set<string>()
  for (const key of deletedKeys) {
    const segments = key.split('/')
    // courses / <course> / <folder> / … / <file>: only the folders strictly below `courses/<course>/<folder>`.
    for (let depth = segments.length - 1; depth > 3; depth -= 1) folders.add(segments.slice(0, depth).join('/'))
  }
  // Deepest first, so a parent is tried after its children.
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    await rmdir(storage.localPath!(folder)).catch(() => {}) // not empty (or already gone): leave it
  }
}
