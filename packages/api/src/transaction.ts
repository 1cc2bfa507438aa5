import type { Tx } from '@jouwbot/db'
import type { AppDeps } from './deps.ts'

/**
 * The deps of code that runs inside a transaction: `db` IS the transaction, so a helper cannot
 * reach the root handle by mistake (on PGlite, with its single connection, that deadlocks).
 */
export type TxDeps<D extends Pick<AppDeps, 'db'> = AppDeps> = Omit<D, 'db'> & { db: Tx }

/** Runs `work` in a transaction of `deps.db`, handing it deps whose `db` is that transaction. */
export function inTransaction<D extends Pick<AppDeps, 'db'>, T>(deps: D, work: (tx: TxDeps<D>) => Promise<T>): Promise<T> {
  return deps.db.transaction((tx) => work({ ...deps, db: tx }))
}
