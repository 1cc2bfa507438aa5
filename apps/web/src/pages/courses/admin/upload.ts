import { errorKeys } from '@jouwbot/shared/errors'
import type { ErrorDetails } from '../../../lib/errors.ts'

export type MediaKind = 'video' | 'captions'

export interface UploadResult {
  key: string
  size: number
  durationSeconds: number | null
}

export interface UploadHandle {
  done: Promise<UploadResult>
  abort: () => void
}

/** Thrown by `done` when the admin cancels. */
export class UploadCancelledError extends Error {
  constructor() {
    super('upload cancelled')
  }
}

/** An upload refusal as the UI shows it (an i18n key, never raw text). */
export class UploadError extends Error {
  constructor(readonly details: ErrorDetails) {
    super(details.key)
  }
}

const known = new Set<string>(errorKeys)
const CONTENT_TYPES: Record<MediaKind, string> = { video: 'video/mp4', captions: 'text/vtt' }

/**
 * PUTs the raw file to the upload route with XMLHttpRequest (fetch has no upload progress). The
 * session cookie goes along (same origin); the server checks the file by its first bytes.
 */
export function uploadLessonMedia(
  lessonId: string,
  kind: MediaKind,
  file: Blob,
  onProgress: (loaded: number, total: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest()
  const done = new Promise<UploadResult>((resolve, reject) => {
    xhr.open('PUT', `/admin/uploads/lessons/${encodeURIComponent(lessonId)}/${kind}`)
    xhr.setRequestHeader('Content-Type', CONTENT_TYPES[kind])
    xhr.responseType = 'json'
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total)
    }
    xhr.onload = () => {
      const body: unknown = xhr.response
      if (xhr.status === 200 && isResult(body)) {
        onProgress(file.size, file.size)
        resolve(body)
      } else {
        reject(new UploadError(describeUploadError(xhr.status, body, xhr.getResponseHeader('x-request-id'))))
      }
    }
    xhr.onerror = () => reject(new UploadError(simple('error.network')))
    xhr.onabort = () => reject(new UploadCancelledError())
    xhr.send(file)
  })
  return { done, abort: () => xhr.abort() }
}

export function describeUploadError(status: number, body: unknown, requestId: string | null): ErrorDetails {
  const key = errorKeyIn(body)
  if (key && known.has(key) && key !== 'error.generic') return simple(key)
  if (status === 413) return simple('upload.tooLarge')
  if (status === 415) return simple('upload.wrongType')
  if (status === 403) return simple('error.forbidden')
  if (status === 0) return simple('error.network')
  return requestId
    ? { key: 'error.generic', messageKey: 'error.generic', values: { requestId }, fieldErrors: {} }
    : simple('error.genericNoCode')
}

function errorKeyIn(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || !('error' in body)) return undefined
  const error = body.error
  if (!error || typeof error !== 'object' || !('message' in error)) return undefined
  return typeof error.message === 'string' ? error.message : undefined
}

function isResult(body: unknown): body is UploadResult {
  return !!body && typeof body === 'object' && 'key' in body && typeof body.key === 'string'
}

function simple(key: string): ErrorDetails {
  return { key, messageKey: key, values: {}, fieldErrors: {} }
}
