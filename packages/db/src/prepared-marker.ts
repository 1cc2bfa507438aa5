import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { latestMigrationTag } from './migrate.ts'

/**
 * `.jouwbot-prepared` in a PGlite data folder: written after a complete first-start preparation
 * (initdb, migrations, seeds), naming the newest migration it applied. A folder without it, or
 * with an older migration, is prepared (again) before the server opens it.
 */
export const PREPARED_MARKER = '.jouwbot-prepared'

interface Marker {
  migration: string
  preparedAt: string
}

function read(folder: string): Marker | null {
  try {
    return JSON.parse(readFileSync(join(folder, PREPARED_MARKER), 'utf8')) as Marker
  } catch {
    return null // missing or unreadable (a write cut short): prepare again
  }
}

/** Whether `folder` was prepared up to the newest committed migration. */
export function isPrepared(folder: string): boolean {
  return read(folder)?.migration === latestMigrationTag()
}

export function markPrepared(folder: string, now = new Date()): void {
  const marker: Marker = { migration: latestMigrationTag(), preparedAt: now.toISOString() }
  writeFileSync(join(folder, PREPARED_MARKER), `${JSON.stringify(marker)}\n`)
}

export function clearPrepared(folder: string): void {
  rmSync(join(folder, PREPARED_MARKER), { force: true })
}
