import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * vitest globalSetup: one temp folder per test run. Workers and the server processes tests start inherit
 * TMPDIR, so every folder a test or helper makes with mkdtemp(tmpdir()) lands in it, and the teardown
 * removes it whether the run passed or failed (the per-worker media folder of deps.ts lives as long as
 * its worker, so no test file can remove it itself).
 */
export default function setup(): () => void {
  const previous = process.env.TMPDIR
  const root = mkdtempSync(join(tmpdir(), 'jouwbot-tests-'))
  process.env.TMPDIR = root
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(root, { recursive: true, force: true })
  }
}
