import { PassThrough } from 'node:stream'
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import type { Storage } from '@jouwbot/storage'

/** An archive too large for this is a bug (a member's own data): the write stops instead of filling the disk. */
const MAX_ARCHIVE_BYTES = 2 * 1024 ** 3

/**
 * A ZIP streamed into storage with fflate (no temp file): text entries are deflated, PDFs and images
 * (already compressed) stored as they are. Entries are written one after the other.
 */
export class ExportArchive {
  private readonly out = new PassThrough()
  private readonly zip: Zip
  private readonly written: Promise<{ size: number }>
  private failure: Error | null = null

  constructor(storage: Storage, key: string) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.failure = error
        this.out.destroy(error)
        return
      }
      this.out.write(chunk)
      if (final) this.out.end()
    })
    this.written = storage.write(key, this.out, { contentType: 'application/zip', maxBytes: MAX_ARCHIVE_BYTES })
    // Keep an early storage failure from being unhandled before `finish` awaits it.
    this.written.catch(() => {})
  }

  addText(name: string, text: string): void {
    const entry = new ZipDeflate(name, { level: 6 })
    this.zip.add(entry)
    entry.push(new TextEncoder().encode(text), true)
  }

  addBytes(name: string, bytes: Uint8Array): void {
    const entry = new ZipPassThrough(name)
    this.zip.add(entry)
    entry.push(bytes, true)
  }

  async addStream(name: string, stream: NodeJS.ReadableStream): Promise<void> {
    const entry = new ZipPassThrough(name)
    this.zip.add(entry)
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      entry.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk), false)
    }
    entry.push(new Uint8Array(0), true)
  }

  async finish(): Promise<{ size: number }> {
    this.zip.end()
    if (this.failure) throw this.failure
    return this.written
  }

  abort(): void {
    this.zip.terminate()
    this.out.destroy(new Error('export aborted'))
  }
}
