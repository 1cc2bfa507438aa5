import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { latestMigrationTag } from './migrate.ts'
import { clearPrepared, isPrepared, markPrepared, PREPARED_MARKER } from './prepared-marker.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jb-marker-'))
  dirs.push(dir)
  return dir
}

describe('the prepared marker of a PGlite data folder', () => {
  test('a new folder is not prepared; after markPrepared it is, until cleared', () => {
    const dir = folder()
    expect(isPrepared(dir)).toBe(false)
    markPrepared(dir, new Date('2026-12-06T12:00:00Z'))
    expect(JSON.parse(readFileSync(join(dir, PREPARED_MARKER), 'utf8'))).toEqual({ migration: latestMigrationTag(), preparedAt: '2026-12-06T12:00:00.000Z' })
    expect(isPrepared(dir)).toBe(true)
    clearPrepared(dir)
    expect(isPrepared(dir)).toBe(false)
  })

  test('a folder prepared before the newest migration, or with a cut-short marker, is prepared again', () => {
    const dir = folder()
    writeFileSync(join(dir, PREPARED_MARKER), JSON.stringify({ migration: '0000_older', preparedAt: '2026-01-01T00:00:00.000Z' }))
    expect(isPrepared(dir)).toBe(false)
    writeFileSync(join(dir, PREPARED_MARKER), '{"migration":"00')
    expect(isPrepared(dir)).toBe(false)
  })
})
