import { errorKeys } from '@jouwbot/shared/errors'

const knownKeys: ReadonlySet<string> = new Set(errorKeys)

/** An error key from the URL (`?fout=` from the "pay again" route): only keys we have a text for, never raw input. */
export function knownErrorKey(value: string | null): string | null {
  if (!value) return null
  return knownKeys.has(value) ? value : 'error.genericNoCode'
}
