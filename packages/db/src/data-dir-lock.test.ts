import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts'

describe('PGlite data folder lock', () => {
  test('a second holder is refused with a clear error while a live process holds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jb-lock-'))
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    writeFileSync(join(dir, '.jouwbot.lock'), String(holder.pid))
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
      expect(() => lockDataDir(dir)).toThrow(/al in gebruik door proces/)
    } finally {
      holder.kill()
    }
  })

  test('a lock left by a dead process is taken over, and release frees it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jb-lock-'))
    writeFileSync(join(dir, '.jouwbot.lock'), '999999')
    const release = lockDataDir(dir)
    expect(readFileSync(join(dir, '.jouwbot.lock'), 'utf8')).toBe(String(process.pid))
    release()
    const again = lockDataDir(dir)
    again()
  })
})
