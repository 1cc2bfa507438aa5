import type { Storage } from './index.ts'
import { StorageError } from './keys.ts'

/** A small text object (playlist, captions) as a string; null when there is no such object. */
export async function readText(storage: Storage, key: string): Promise<string | null> {
  try {
    const chunks: Buffer[] = []
    for await (const chunk of await storage.read(key)) chunks.push(Buffer.from(chunk as Uint8Array))
    return Buffer.concat(chunks).toString('utf8')
  } catch (error) {
    if (error instanceof StorageError && error.code === 'notFound') return null
    throw error
  }
}
