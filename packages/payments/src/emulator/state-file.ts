import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { EmulatorState } from './model.ts'

/**
 * The emulator's state as one JSON file, so a dev server keeps its test payments across restarts.
 * Writes are synchronous (a few KB, only in dev and tests) so they happen in the order of the changes,
 * and atomic: a temp file in the same folder, then a rename over the old one. A reader or a crash sees
 * the previous state or the next one, never half of one.
 */
export function readStateFile(file: string): EmulatorState | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const state = JSON.parse(text) as Partial<EmulatorState>
  if (state.version !== 1 || !Array.isArray(state.payments) || !Array.isArray(state.refunds)) {
    throw new Error(`${file} is not a Mollie emulator state file (version 1)`)
  }
  return {
    version: 1,
    profileId: state.profileId!,
    seq: state.seq ?? 0,
    payments: state.payments,
    refunds: state.refunds,
    chargebacks: state.chargebacks ?? [],
    idempotency: state.idempotency ?? [],
  }
}

export function writeStateFile(file: string, state: EmulatorState): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    writeFileSync(temp, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 })
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}
