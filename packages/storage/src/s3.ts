import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { pipeline } from 'node:stream'
import type { Readable } from 'node:stream'
import type { ByteRange, ListedObject, Storage, StoredObject, WriteOptions } from './index.ts'
import { assertValidKey, assertValidPrefix, assertValidRange, ByteLimit, contentTypeFor, isValidKey, StorageError } from './keys.ts'

export interface S3StorageOptions {
  /** For S3-compatible services (MinIO, R2, …), e.g. `https://minio.internal:9000`; omit for AWS. */
  endpoint?: string
  region: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  /** `https://host/bucket/key` instead of `https://bucket.host/key`; MinIO usually needs it. */
  forcePathStyle?: boolean
}

const MAX_PRESIGN_SECONDS = 7 * 24 * 3600 // SigV4's own limit

const status = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode

export function createS3Storage(options: S3StorageOptions): Storage {
  const { bucket } = options
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? false,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // Since 2025 the SDK adds CRC checksums (aws-chunked upload trailers, `x-amz-checksum-mode` on
    // GETs) by default; several S3-compatible services reject or mishandle them. AWS itself keeps them.
    ...(options.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
  })

  async function stat(key: string): Promise<StoredObject | null> {
    assertValidKey(key)
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
      return {
        key,
        size: head.ContentLength ?? 0,
        lastModified: head.LastModified ?? new Date(0),
        etag: head.ETag ?? '""',
        contentType: head.ContentType ?? contentTypeFor(key),
      }
    } catch (error) {
      if (status(error) === 404) return null
      throw error
    }
  }

  return {
    kind: 's3',
    stat,

    async read(key: string, range?: ByteRange) {
      assertValidKey(key)
      assertValidRange(range)
      try {
        const object = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        )
        return object.Body as Readable
      } catch (error) {
        if (status(error) === 404) throw new StorageError('notFound', 'no such object')
        if (status(error) === 416) throw new StorageError('invalidRange', 'range outside the object')
        throw error
      }
    },

    /**
     * Multipart upload through `@aws-sdk/lib-storage` (a single PUT for bodies under one part), so a body
     * of unknown length streams through without buffering it whole. Past `maxBytes` the body errors, the
     * upload rejects and lib-storage aborts any multipart upload it began: no object is created (S3 only
     * makes an object visible when a PUT or CompleteMultipartUpload succeeds).
     */
    async write(key: string, body: NodeJS.ReadableStream, { contentType, maxBytes }: WriteOptions) {
      assertValidKey(key)
      const limit = new ByteLimit(maxBytes)
      const limited = pipeline(body, limit, () => {}) as Readable
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: key, Body: limited, ContentType: contentType },
        leavePartsOnError: false,
      })
      try {
        await upload.done()
      } catch (error) {
        limited.destroy()
        throw error
      }
      const stored = await stat(key)
      if (!stored) throw new Error('object not visible right after it was written')
      return stored
    },

    async delete(key: string) {
      assertValidKey(key)
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
    },

    /**
     * ListObjectsV2, one page (up to 1,000 keys) per request, following `NextContinuationToken` while
     * the answer is truncated. Keys that are no valid keys here (written by other tools) and entries
     * without a modification time are skipped.
     */
    list(prefix: string): AsyncIterable<ListedObject> {
      assertValidPrefix(prefix)
      return (async function* () {
        let continuationToken: string | undefined
        do {
          const page = await client.send(
            new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix === '' ? undefined : prefix, ContinuationToken: continuationToken }),
          )
          for (const object of page.Contents ?? []) {
            // Without a modification time an entry cannot be judged by age: left out rather than guessed.
            if (object.Key === undefined || !isValidKey(object.Key) || !object.LastModified) continue
            yield { key: object.Key, size: object.Size ?? 0, lastModified: object.LastModified }
          }
          continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
        } while (continuationToken)
      })()
    },

    async presignedGetUrl(key: string, expiresInSeconds: number) {
      assertValidKey(key)
      if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_PRESIGN_SECONDS) {
        throw new RangeError('expiresInSeconds must be an integer from 1 to 604800')
      }
      return getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: expiresInSeconds })
    },
  }
}
