import type { DbOrTx } from '@jouwbot/db'
import { lessonQueries } from './lesson-queries.ts'

/**
 * One save computed from the row this process wrote last: `updateProgress`'s placeholders (the
 * recordset's columns have their names) and what the save was computed for.
 */
export interface KnownProgressWrite {
  userId: string
  lessonId: string
  /** The row version the save was computed from (`xmin`). */
  version: string
  watchedRanges: [number, number][]
  watchedSeconds: number
  positionSeconds: number
  lastClientTime: string | null
  completedAt: string | null
  updatedAt: string
  /** The lesson must still have this course and duration, and the viewer access unless this is true. */
  courseId: string
  durationSeconds: number
  seesEveryCourse: boolean
}

/** What the write stored: the row's new version and the two `real` columns as stored (float4). */
export interface WrittenProgress {
  positionSeconds: number
  watchedSeconds: number
  version: string
}

type Write = (row: KnownProgressWrite) => Promise<WrittenProgress | undefined>

/** Rows per statement at most: a bound on one statement's size, far above what waits in practice. */
const MAX_ROWS = 200

interface Waiting {
  key: string
  row: KnownProgressWrite
  resolve: (written: WrittenProgress | undefined) => void
  reject: (error: unknown) => void
}

/**
 * Progress saves of many players as few statements: while one statement is on its way, the saves
 * that arrive wait and then go together in the next (a group commit). Every save still waits for
 * its own commit and gets its own answer — the row it wrote, or nothing when the compare-and-set
 * did not hold (then it reads and merges). A player saves every few seconds, so with many watching
 * this spares a round trip, a commit and the socket calls per save.
 */
function createWriter(db: DbOrTx): Write {
  const statement = lessonQueries(db).updateKnownProgress
  const waiting = new Map<string, Waiting>()
  let sending = false

  async function writeBatch(batch: Waiting[]): Promise<void> {
    try {
      const written = await statement.execute({ rows: JSON.stringify(batch.map((w) => w.row)) })
      const byKey = new Map(written.map(({ userId, lessonId, ...row }) => [`${userId}:${lessonId}`, row]))
      for (const w of batch) w.resolve(byKey.get(w.key))
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error)
      // One bad row must not fail the others' saves: each on its own, so only its own fails.
      for (const w of batch) await writeBatch([w])
    }
  }

  async function send(): Promise<void> {
    sending = true
    while (waiting.size > 0) {
      const batch = [...waiting.values()].slice(0, MAX_ROWS)
      for (const w of batch) waiting.delete(w.key)
      await writeBatch(batch)
    }
    sending = false
  }

  return (row) =>
    new Promise((resolve, reject) => {
      const key = `${row.userId}:${row.lessonId}`
      // The same row twice in one statement would update it once: the later save reads and merges instead.
      if (waiting.has(key)) return resolve(undefined)
      waiting.set(key, { key, row, resolve, reject })
      if (!sending) void send()
    })
}

const writers = new WeakMap<object, Write>()

/** The batched known-progress write of this database handle. */
export function writeKnownProgress(db: DbOrTx, row: KnownProgressWrite): Promise<WrittenProgress | undefined> {
  let write = writers.get(db)
  if (!write) {
    write = createWriter(db)
    writers.set(db, write)
  }
  return write(row)
}
