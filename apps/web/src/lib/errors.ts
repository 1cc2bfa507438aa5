// The errors module only: the package index would pull zod (and every schema) into the main bundle.
import { errorKeys, validationKeys } from '@jouwbot/shared/errors'
import { isTRPCClientError } from '@trpc/client'


const knownFormKeys = new Set<string>(errorKeys)
const knownFieldKeys = new Set<string>(validationKeys)

/**
 * An error as the UI shows it: i18n keys plus interpolation values, not translated text, so a
 * message that is on screen follows a language switch.
 */
export interface ErrorDetails {
  /** The server's key (or a client-side one such as `error.network`). */
  key: string
  /** The catalog key to render; differs from `key` for variants (e.g. rate limits, unknown keys). */
  messageKey: string
  values: Record<string, string | number>
  /** Field name → i18n key of its first error. */
  fieldErrors: Record<string, string>
}

interface ErrorData {
  code?: unknown
  httpStatus?: unknown
  key?: unknown
  requestId?: unknown
  retryAfterSeconds?: unknown
  fieldErrors?: unknown
}

export function describeError(error: unknown): ErrorDetails {
  if (!isTRPCClientError(error)) return simple('error.network')
  const data = error.data as ErrorData | undefined
  if (!data) {
    // An HTTP answer that is not a tRPC error (proxy page, gateway error): something went wrong on
    // the way; no answer at all: the network.
    if (!(error.meta?.response instanceof Response)) return simple('error.network')
    const requestId = headerRequestId(error.meta)
    return requestId
      ? { key: 'error.generic', messageKey: 'error.generic', values: { requestId }, fieldErrors: {} }
      : simple('error.genericNoCode')
  }

  const requestId = typeof data.requestId === 'string' ? data.requestId : headerRequestId(error.meta)
  const key = typeof data.key === 'string' ? data.key : error.message
  const fieldErrors = readFieldErrors(data.fieldErrors)

  if (key === 'error.tooManyRequests') {
    const seconds = typeof data.retryAfterSeconds === 'number' ? data.retryAfterSeconds : undefined
    if (seconds === undefined) return { ...simple(key), messageKey: 'error.tooManyRequestsLater', fieldErrors }
    const minutes = Math.max(1, Math.ceil(seconds / 60))
    return {
      key,
      messageKey: minutes === 1 ? 'error.tooManyRequestsSoon' : 'error.tooManyRequests',
      values: { minutes },
      fieldErrors,
    }
  }
  if (key === 'auth.logInThrottled') {
    // The member hears why and how long: the minutes are rounded up, never "0".
    const seconds = typeof data.retryAfterSeconds === 'number' ? data.retryAfterSeconds : 15 * 60
    return { key, messageKey: key, values: { minutes: Math.max(1, Math.ceil(seconds / 60)) }, fieldErrors }
  }
  if (knownFormKeys.has(key) && key !== 'error.generic') {
    return { key, messageKey: key, values: {}, fieldErrors }
  }
  // error.generic, or a key this client does not know (a newer server): never show raw text.
  return {
    key,
    messageKey: requestId ? 'error.generic' : 'error.genericNoCode',
    values: requestId ? { requestId } : {},
    fieldErrors,
  }
}

/** A schema message as the UI shows it: a known validation key, or the generic one. */
export function fieldErrorKey(message: string | undefined): string {
  return message !== undefined && knownFieldKeys.has(message) ? message : 'validation.invalid'
}

/** Turns zod issues (client-side validation with the shared schemas) into field errors. */
export function issuesToFieldErrors(
  issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: string }>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of issues) {
    const field = issue.path[0]
    if (typeof field !== 'string' || field in out) continue
    out[field] = fieldErrorKey(issue.message)
  }
  return out
}

export function errorKeyOf(error: unknown): string | undefined {
  return isTRPCClientError(error) ? describeError(error).key : undefined
}

function readFieldErrors(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!value || typeof value !== 'object') return out
  for (const [field, keys] of Object.entries(value)) {
    const first: unknown = Array.isArray(keys) ? keys[0] : undefined
    if (typeof first !== 'string') continue
    out[field] = knownFieldKeys.has(first) || knownFormKeys.has(first) ? first : 'validation.invalid'
  }
  return out
}

function headerRequestId(meta: Record<string, unknown> | undefined): string | undefined {
  const response = meta?.response
  return response instanceof Response ? (response.headers.get('x-request-id') ?? undefined) : undefined
}

function simple(key: string): ErrorDetails {
  return { key, messageKey: key, values: {}, fieldErrors: {} }
}
