/**
 * Object storage behind one small interface: course media now, invoices and uploads later.
 * `createLocalStorage(rootDir)` keeps objects as files under a folder (served by Node, `http/local-file.ts`, or by nginx
 * through X-Accel-Redirect); `createS3Storage(...)` talks to S3 or an S3-compatible service (MinIO, R2, …)
 * and can hand out presigned GET URLs.
 */
export interface StoredObject {
  key: string
  size: number
  lastModified: Date
  /** An HTTP entity tag, quoted as it goes in an `ETag` header. */
  etag: string
  contentType: string
}

export interface Storage {
  readonly kind: 'local' | 's3'
  /** `null` when there is no object under `key` (a folder is no object). */
  stat(key: string): Promise<StoredObject | null>
  /** Local disk only: absolute path, for Node streaming (`http/local-file.ts`) and X-Accel. */
  localPath?(key: string): string
  /**
   * The object's bytes, or the inclusive byte range `start`–`end` of them. Rejects with
   * `StorageError('notFound')` when there is no such object. Callers keep ranges inside the object
   * (stat first): local storage stops at the end of the file, S3 answers `invalidRange` past it.
   */
  read(key: string, range?: ByteRange): Promise<NodeJS.ReadableStream>
  /** Streams in with a byte limit; rejects (and leaves nothing behind) when the limit is passed. */
  write(key: string, body: NodeJS.ReadableStream, options: WriteOptions): Promise<StoredObject>
  /** Idempotent: deleting a missing object is not an error. */
  delete(key: string): Promise<void>
  /**
   * Every object whose key starts with `prefix` (`''` for all, otherwise a folder ending in `/`),
   * with its size and modification time, fetched page by page as the caller iterates; the order is
   * unspecified. Skipped: anything that is no valid key (local temp files, which start with a dot;
   * S3 keys written by other tools), and on local disk symbolic links and folders. An object
   * deleted while the listing runs may or may not appear. Both storages have it; it is optional
   * only so that test doubles need not.
   */
  list?(prefix: string): AsyncIterable<ListedObject>
  /** S3 only: a presigned GET URL valid for `expiresInSeconds`. */
  presignedGetUrl?(key: string, expiresInSeconds: number): Promise<string>
}

/** One entry of `Storage.list`. */
export interface ListedObject {
  key: string
  size: number
  lastModified: Date
}

export interface ByteRange {
  start: number
  /** Inclusive, like HTTP's `bytes=start-end`. */
  end: number
}

export interface WriteOptions {
  contentType: string
  maxBytes: number
}

export { StorageError, type StorageErrorCode, assertValidKey, assertValidPrefix, contentTypeFor } from './keys.ts'
export { createLocalStorage, localEtag } from './local.ts'
export { createS3Storage, type S3StorageOptions } from './s3.ts'

export { readText } from './read-text.ts'
