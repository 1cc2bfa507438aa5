import { randomUUID } from 'node:crypto'
import { createWriteStream, type Stats } from 'node:fs'
import { lstat, mkdir, open, readdir, rename, rmdir, stat, unlink } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { ByteRange, ListedObject, Storage, StoredObject, WriteOptions } from './index.ts'
import { assertValidKey, assertValidPrefix, assertValidRange, ByteLimit, contentTypeFor, isValidKey, StorageError } from './keys.ts'

/**
 * The entity tag of a local file: size and modification time (ms), hex, like nginx's.
 * Strong (no `W/`): files only ever change by an atomic rename of a completely written temp file
 * (see `write`), so one size+mtime names one complete set of bytes — which makes byte ranges from
 * different responses safe to combine (`If-Range` needs a strong validator).
 */
export function localEtag(stats: Pick<Stats, 'size' | 'mtime'>): string {
  return `"${stats.size.toString(16)}-${stats.mtime.getTime().toString(16)}"`
}

const isMissing = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

/** Objects as files under `rootDir`; the key is the path relative to it. */
export function createLocalStorage(rootDir: string): Storage {
  const root = path.resolve(rootDir)

  const resolveKey = (key: string): string => {
    assertValidKey(key)
    const file = path.resolve(root, key)
    // assertValidKey already rules out traversal; this is the belt to its braces.
    if (!file.startsWith(root + path.sep)) throw new StorageError('invalidKey', 'invalid storage key (outside root)')
    return file
  }

  const toObject = (key: string, stats: Stats): StoredObject => ({
    key,
    size: stats.size,
    lastModified: stats.mtime,
    etag: localEtag(stats),
    contentType: contentTypeFor(key),
  })

  async function statKey(key: string): Promise<StoredObject | null> {
    const file = resolveKey(key)
    try {
      const stats = await stat(file)
      return stats.isFile() ? toObject(key, stats) : null
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
  }

  return {
    kind: 'local',
    stat: statKey,
    localPath: resolveKey,

    async read(key: string, range?: ByteRange) {
      const file = resolveKey(key)
      assertValidRange(range)
      // Open first, so a missing file rejects here rather than as a stream error later.
      const handle = await open(file, 'r').catch((error: unknown) => {
        throw isMissing(error) ? new StorageError('notFound', 'no such object') : error
      })
      if (!(await handle.stat()).isFile()) {
        await handle.close()
        throw new StorageError('notFound', 'no such object')
      }
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {})
    },

    /**
     * Streams into a hidden temp file in the target folder (same file system, so the rename is atomic),
     * flushed to disk, then renamed over the key. Readers see the old object or the new one, never a
     * part. Past `maxBytes`, or on any error, the temp file and any folders this call created are removed.
     * The stored content type is derived from the key's extension; `options.contentType` is not kept.
     */
    async write(key: string, body: NodeJS.ReadableStream, { maxBytes }: WriteOptions) {
      const file = resolveKey(key)
      const dir = path.dirname(file)
      const firstCreated = await mkdir(dir, { recursive: true })
      const temp = path.join(dir, `.${path.basename(file)}.${randomUUID()}.partial`)
      const out = createWriteStream(temp, { flags: 'wx', flush: true })
      try {
        await pipeline(body, new ByteLimit(maxBytes), out)
        await rename(temp, file)
      } catch (error) {
        // A write stream destroyed while still opening finishes the open (creating the file) before it
        // closes, which can be after the pipeline has failed: unlink only once it has closed.
        if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()))
        await unlink(temp).catch(() => {})
        if (firstCreated) await removeEmptyFolders(dir, firstCreated)
        throw error
      }
      const stored = await statKey(key)
      if (!stored) throw new Error('object vanished right after it was written')
      return stored
    },

    async delete(key: string) {
      await unlink(resolveKey(key)).catch((error: unknown) => {
        if (!isMissing(error)) throw error
      })
    },

    /**
     * Walks the folder one directory at a time (depth first). Hidden entries (temp files of writes in
     * progress) and symbolic links are skipped; a file or folder removed during the walk is skipped too.
     */
    list(prefix: string): AsyncIterable<ListedObject> {
      assertValidPrefix(prefix)
      return walk(root, prefix)
    },
  }
}

async function* walk(root: string, folderKey: string): AsyncGenerator<ListedObject> {
  let entries
  try {
    entries = await readdir(folderKey === '' ? root : path.join(root, folderKey), { withFileTypes: true })
  } catch (error) {
    if (isMissing(error)) return
    throw error
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const key = folderKey + entry.name
    if (!isValidKey(key)) continue // hidden names (`.x.partial` temp files) and anything S3 could not hold either
    if (entry.isDirectory()) {
      yield* walk(root, `${key}/`)
    } else if (entry.isFile()) {
      try {
        const stats = await lstat(path.join(root, key))
        if (stats.isFile()) yield { key, size: stats.size, lastModified: stats.mtime }
      } catch (error) {
        if (!isMissing(error)) throw error
      }
    }
  }
}

/** Removes `dir` and its parents up to and including `top`, as long as they are empty (rmdir refuses otherwise). */
async function removeEmptyFolders(dir: string, top: string): Promise<void> {
  for (let current = dir; current.startsWith(top); current = path.dirname(current)) {
    try {
      await rmdir(current)
    } catch {
      return // not empty: another write put something there meanwhile
    }
    if (current === top) return
  }
}
