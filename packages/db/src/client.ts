import { PGlite } from '@electric-sql/pglite'
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema/index.ts'

export { schema }
export type Schema = typeof schema

/** The database handle every service receives. Both drivers share this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** Services take `DbOrTx` so a caller can run them inside its own transaction. */
export type DbOrTx = Db | Tx

export type DatabaseHandle =
  | { kind: 'postgres'; url: string; db: Db; sql: postgres.Sql; close: () => Promise<void> }
  | { kind: 'pglite'; db: Db; pglite: PGlite; close: () => Promise<void> }

/**
 * Postgres's memory settings for PGlite. Its WebAssembly memory only grows, never shrinks, and
 * initdb's postgresql.conf keeps the server defaults: 128 MB of shared buffers (and lock tables for
 * 100 connections) inside that one process, filled by the migrations and the demo seed of a first
 * start and then resident for good. The embedded database is small (tens of MB, read through the
 * OS file cache, which is not counted in the process's RSS) and has exactly one connection.
 */
const PGLITE_MEMORY_SETTINGS = ['-c', 'shared_buffers=16MB', '-c', 'max_connections=5', '-c', 'wal_buffers=1MB']

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url)
}

export interface CreateDbOptions {
  /** postgres.js pool size. */
  max?: number
  /** PGlite only: start from this data folder dump (`dumpDataDir`) instead of an empty database. */
  pgliteDump?: Blob
}

/**
 * postgres.js for a `postgres://` URL; PGlite otherwise: `memory://` or a data folder path.
 * PGlite has a single connection: code inside a transaction must use the `tx` it was given.
 */
export async function createDb(url: string, options: CreateDbOptions = {}): Promise<DatabaseHandle> {
  if (isPostgresUrl(url)) {
    const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {} })
    const db = drizzlePostgres({ client: sql, schema, casing: 'snake_case' }) as unknown as Db
    return { kind: 'postgres', url, db, sql, close: () => sql.end({ timeout: 5 }) }
  }
  // Extensions the migrations create on both databases: pg_trgm for the admin order search's trigram
  // index, btree_gist for the coaching bookings' exclusion constraints (no overlapping sessions).
  const pglite = await PGlite.create(url === 'memory://' ? undefined : url.replace(/^file:/, ''), {
    extensions: { pg_trgm, btree_gist },
    startParams: [...PGlite.defaultStartParams, ...PGLITE_MEMORY_SETTINGS],
    ...(options.pgliteDump ? { loadDataDir: options.pgliteDump } : {}),
  })
  const db = drizzlePglite({ client: pglite, schema, casing: 'snake_case' }) as unknown as Db
  return { kind: 'pglite', db, pglite, close: () => pglite.close() }
}
