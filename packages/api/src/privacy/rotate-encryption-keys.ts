import { and, desc, eq, invoices, isNotNull, orders, privacyKeyRotations, sql, users, type AnyPgColumn, type DbOrTx, type PgTable } from '@jouwbot/db'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'

/**
 * Field-encryption key rotation (issue 11 §6): every value encrypted per field (AES-256-GCM, the key id
 * inside the value, see packages/auth/src/encryption.ts) is re-encrypted under the newest key of
 * `ENCRYPTION_KEYS`, so an older key can then be removed from the configuration.
 *
 * How to rotate: put a new key FIRST in `ENCRYPTION_KEYS`, keep the old ones behind it, restart; then an
 * admin starts a rotation on /admin/privacy. The job `privacy.rotate-keys` moves the values in batches.
 *
 * - Resumable: each batch is one transaction that re-encrypts its rows AND adds its count to the run row;
 *   a crash loses at most the batch under way, and the next run continues with what is still under an
 *   older key (rows are chosen by the key id inside the value, not by a cursor).
 * - Idempotent: a value already under the newest key is never touched; a second rotation changes nothing.
 * - Safe alongside the app: both keys decrypt while it runs; each row is updated only if it still holds
 *   the value that was read (a member re-enrolling 2FA meanwhile wins).
 * - Issued invoices: only the ciphertext of the VAT number changes (the printed document stays as issued);
 *   the invoice trigger allows exactly that inside a transaction that sets `jouwbot.key_rotation`.
 */
interface EncryptedField {
  name: string
  table: PgTable
  id: AnyPgColumn
  column: AnyPgColumn
  /** Table guarded by a trigger that allows the change only with `jouwbot.key_rotation = on`. */
  guarded?: boolean
}

/** Every column that holds a per-field encrypted value. A test checks this against the schema. */
export const ENCRYPTED_FIELDS: readonly EncryptedField[] = [
  { name: 'users.totp_secret', table: users, id: users.id, column: users.totpSecret },
  { name: 'users.vat_number_encrypted', table: users, id: users.id, column: users.vatNumberEncrypted },
  { name: 'orders.vat_number_encrypted', table: orders, id: orders.id, column: orders.vatNumberEncrypted },
  { name: 'invoices.buyer_vat_number_encrypted', table: invoices, id: invoices.id, column: invoices.buyerVatNumberEncrypted, guarded: true },
]

export const KEY_ROTATION_BATCH = 200

const underOlderKey = (field: EncryptedField, currentKeyId: string) =>
  and(isNotNull(field.column), sql`split_part(${field.column}, '.', 2) <> ${currentKeyId}`)

async function countUnderOlderKeys(db: DbOrTx, currentKeyId: string) {
  const progress: Record<string, { total: number; done: number }> = {}
  for (const field of ENCRYPTED_FIELDS) {
    progress[field.name] = { total: await db.$count(field.table, underOlderKey(field, currentKeyId)), done: 0 }
  }
  return progress
}

/** How many values each key id holds now, per field (for the admin page: can an old key go?). */
export async function countEncryptedValuesByKey(deps: Pick<AppDeps, 'db'>) {
  const out: Record<string, Record<string, number>> = {}
  for (const field of ENCRYPTED_FIELDS) {
    const keyId = sql<string>`split_part(${field.column}, '.', 2)`
    const rows = await deps.db
      .select({ keyId, count: sql<number>`count(*)::int` })
      .from(field.table)
      .where(isNotNull(field.column))
      .groupBy(keyId)
    out[field.name] = Object.fromEntries(rows.map((r) => [r.keyId, Number(r.count)]))
  }
  return out
}

/** Admin: starts a rotation to the newest key. While one is running, returns that one instead. */
export async function startKeyRotation(deps: Pick<AppDeps, 'db' | 'clock' | 'cipher'>, input: { adminId: string }) {
  return deps.db.transaction(async (tx) => {
    const [running] = await tx.select().from(privacyKeyRotations).where(eq(privacyKeyRotations.status, 'running')).limit(1)
    if (running) return { id: running.id, alreadyRunning: true }
    const now = deps.clock.now()
    const progress = await countUnderOlderKeys(tx, deps.cipher.currentKeyId)
    const [row] = await tx
      .insert(privacyKeyRotations)
      .values({ targetKeyId: deps.cipher.currentKeyId, progress, startedAt: now, updatedAt: now })
      .returning({ id: privacyKeyRotations.id })
    await recordAudit(tx, { actorUserId: input.adminId, subjectUserId: null, action: 'privacy.key_rotation_started', details: { rotationId: row!.id, targetKeyId: deps.cipher.currentKeyId, progress } }, now)
    return { id: row!.id, alreadyRunning: false }
  })
}

export interface RunKeyRotationOptions {
  batchSize?: number
  /** Stops after this many batches (the job's time budget); the next run continues. */
  maxBatches?: number
  /** Called after each committed batch (tests use it to crash midway). */
  afterBatch?: (field: string, moved: number) => Promise<void> | void
}

export type RunKeyRotationResult = { rotationId: string | null; moved: number; status: 'idle' | 'running' | 'finished' | 'failed' }

/** The job: moves values of the running rotation to the newest key, batch by batch. */
export async function runKeyRotation(deps: Pick<AppDeps, 'db' | 'clock' | 'cipher'>, options: RunKeyRotationOptions = {}): Promise<RunKeyRotationResult> {
  const batchSize = options.batchSize ?? KEY_ROTATION_BATCH
  const [run] = await deps.db.select().from(privacyKeyRotations).where(eq(privacyKeyRotations.status, 'running')).limit(1)
  if (!run) return { rotationId: null, moved: 0, status: 'idle' }
  const currentKeyId = deps.cipher.currentKeyId
  if (run.targetKeyId !== currentKeyId) {
    await fail(deps, run.id, `The newest key is now "${currentKeyId}", not "${run.targetKeyId}": start a new rotation.`)
    return { rotationId: run.id, moved: 0, status: 'failed' }
  }
  let moved = 0
  let batches = 0
  for (const field of ENCRYPTED_FIELDS) {
    for (;;) {
      if (options.maxBatches !== undefined && batches >= options.maxBatches) return { rotationId: run.id, moved, status: 'running' }
      let count: number
      try {
        count = await moveBatch(deps, run.id, field, currentKeyId, batchSize)
      } catch (error) {
        // A value no configured key can read (its key was removed too early): stop and say which field.
        await fail(deps, run.id, `${field.name}: ${error instanceof Error ? error.message : 'could not re-encrypt'}`)
        return { rotationId: run.id, moved, status: 'failed' }
      }
      batches += 1
      moved += count
      if (count > 0) await options.afterBatch?.(field.name, count)
      if (count < batchSize) break
    }
  }
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(privacyKeyRotations)
      .set({ status: 'finished', finishedAt: now, updatedAt: now })
      .where(and(eq(privacyKeyRotations.id, run.id), eq(privacyKeyRotations.status, 'running')))
      .returning({ progress: privacyKeyRotations.progress })
    if (row) await recordAudit(tx, { actorUserId: null, subjectUserId: null, action: 'privacy.key_rotation_finished', details: { rotationId: run.id, targetKeyId: currentKeyId, progress: row.progress } }, now)
  })
  return { rotationId: run.id, moved, status: 'finished' }
}

/** One transaction: up to `batchSize` values of one field re-encrypted, and the count on the run row. */
async function moveBatch(deps: Pick<AppDeps, 'db' | 'clock' | 'cipher'>, rotationId: string, field: EncryptedField, currentKeyId: string, batchSize: number) {
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: field.id, value: field.column })
      .from(field.table)
      .where(underOlderKey(field, currentKeyId))
      .orderBy(field.id)
      .limit(batchSize)
    if (rows.length === 0) return 0
    if (field.guarded) await tx.execute(sql`select set_config('jouwbot.key_rotation', 'on', true)`)
    let moved = 0
    for (const row of rows) {
      const value = row.value as string
      const rotated = deps.cipher.rotate(value)
      const updated = await tx
        .update(field.table)
        .set({ [columnKey(field)]: rotated })
        .where(and(eq(field.id, row.id), eq(field.column, value)))
        .returning({ id: field.id })
      moved += updated.length
    }
    if (field.guarded) await tx.execute(sql`select set_config('jouwbot.key_rotation', 'off', true)`)
    await tx
      .update(privacyKeyRotations)
      .set({
        progress: sql`jsonb_set(${privacyKeyRotations.progress}, array[${field.name}::text, 'done'], to_jsonb(coalesce((${privacyKeyRotations.progress} #>> array[${field.name}::text, 'done'])::int, 0) + ${moved}::int))`,
        updatedAt: deps.clock.now(),
      })
      .where(eq(privacyKeyRotations.id, rotationId))
    // `done` counts what this rotation moved; a row changed meanwhile by the app (e.g. 2FA set up again)
    // holds a value under the newest key already and is not counted. The loop goes on by rows seen.
    return rows.length
  })
}

/** The property name of the drizzle column (the update's `set` is keyed by it, not the SQL name). */
function columnKey(field: EncryptedField): string {
  const entry = Object.entries(field.table as unknown as Record<string, unknown>).find(([, value]) => value === field.column)
  if (!entry) throw new Error(`${field.name}: column not found on its table`)
  return entry[0]
}

async function fail(deps: Pick<AppDeps, 'db' | 'clock'>, rotationId: string, error: string) {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await tx.update(privacyKeyRotations).set({ status: 'failed', error, finishedAt: now, updatedAt: now }).where(eq(privacyKeyRotations.id, rotationId))
    await recordAudit(tx, { actorUserId: null, subjectUserId: null, action: 'privacy.key_rotation_failed', details: { rotationId, error } }, now)
  })
}

/** For the admin page: the newest runs with progress, and how many values each key id still holds. */
export async function listKeyRotations(deps: Pick<AppDeps, 'db' | 'cipher'>, input: { limit: number }) {
  const runs = await deps.db.select().from(privacyKeyRotations).orderBy(desc(privacyKeyRotations.startedAt)).limit(input.limit)
  return {
    currentKeyId: deps.cipher.currentKeyId,
    valuesByKey: await countEncryptedValuesByKey(deps),
    runs: runs.map((run) => {
      const fields = Object.values(run.progress)
      return {
        id: run.id,
        targetKeyId: run.targetKeyId,
        status: run.status,
        progress: run.progress,
        total: fields.reduce((sum, f) => sum + f.total, 0),
        done: fields.reduce((sum, f) => sum + f.done, 0),
        error: run.error,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
      }
    }),
  }
}
