import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/*
 * Imported first by every bench that makes temp folders (or imports a test helper that does, such as
 * tests/helpers/deps.ts): one `jb-bench-*` folder per process becomes its TMPDIR, inherited by the
 * processes it starts, so every mkdtemp(tmpdir()) lands in it — as tests/helpers/temp-root.ts does for a
 * test run. The folder goes when the process ends: normal end, a thrown error (both end in 'exit'),
 * SIGINT or SIGTERM (after the bench's `onInterrupt` work: stopping children, dropping databases).
 */

const root = mkdtempSync(join(tmpdir(), 'jb-bench-'))
process.env.TMPDIR = root
process.once('exit', () => rmSync(root, { recursive: true, force: true, maxRetries: 3 }))

const tasks: Array<() => unknown> = []

/** Work that must also happen when the bench is interrupted; run newest first, each once. */
export function onInterrupt(task: () => unknown): void {
  tasks.push(task)
}

let interrupted: Promise<void> | undefined
async function runTasks(): Promise<void> {
  for (const task of tasks.splice(0).reverse()) {
    try {
      await task()
    } catch (error) {
      console.error('clean-up failed:', error)
    }
  }
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    interrupted ??= runTasks()
    void interrupted.finally(() => process.exit(code))
  })
}
