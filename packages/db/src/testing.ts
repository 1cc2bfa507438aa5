import postgres from 'postgres'
import { sql } from 'drizzle-orm'
import { createDb, type DatabaseHandle } from './client.ts'
import { migrate } from './migrate.ts'
import { rowsOf } from './rows.ts'

let created = 0
/** This process's migrated PGlite data folder, dumped once: loading it takes about a third of migrating. */
let migratedPglite: Promise<Blob> | undefined

async function dumpMigratedPglite(): Promise<Blob> {
  const handle = await createDb('memory://')
  try {
    await migrate(handle)
    if (handle.kind !== 'pglite') throw new Error('memory:// is PGlite')
    return await handle.pglite.dumpDataDir('none')
  } finally {
    await handle.close()
  }
}

/**
 * One migrated database per call (tests cache one per worker): PGlite in memory by default, loaded
 * from this process's migrated dump, or a fresh PostgreSQL database (dropped, re-created and
 * migrated) when TEST_DATABASE_URL is set. Tests truncate between cases.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const baseUrl = process.env.TEST_DATABASE_URL
  if (!baseUrl) {
    migratedPglite ??= dumpMigratedPglite()
    const pgliteDump = await migratedPglite.catch((error: unknown) => {
      migratedPglite = undefined // a failed attempt is not kept: the next call tries again
      throw error
    })
    return createDb('memory://', { pgliteDump })
  }
  const url = new URL(baseUrl)
  created += 1
  // Unique per worker and call: a test server in the same worker gets its own database.
  const name = `${url.pathname.slice(1) || 'jouwbot_test'}_w${process.env.VITEST_POOL_ID ?? '0'}_${created}`
  const adminUrl = new URL(baseUrl)
  adminUrl.pathname = '/postgres'
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.unsafe(`create database "${name}"`)
  } finally {
    await admin.end()
  }
  url.pathname = `/${name}`
  const handle = await createDb(url.toString(), { max: 20 })
  await migrate(handle)
  return handle
}

/** Empties every application table (keeps the migration journal). About 10 ms on PGlite. */
export async function truncateAll(handle: DatabaseHandle): Promise<void> {
  const result = await handle.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`)
  const tables = rowsOf<{ tablename: string }>(result).map((r) => `"${r.tablename}"`)
  if (tables.length > 0) {
    await handle.db.execute(sql.raw(`truncate ${tables.join(', ')} restart identity cascade`))
  }
}

/**
 * Empties only the application tables that hold rows (one query finds them), for loops that reset
 * the database thousands of times. DELETE, not TRUNCATE: PostgreSQL's TRUNCATE swaps every table's
 * files (tens of ms each), while a few small tables empty in a millisecond. Triggers and foreign keys
 * are skipped for the transaction (`session_replication_role = replica`, the test user is a superuser):
 * the guard that keeps invoices until their retention date must not stop a test's reset.
 */
export async function truncateUsed(handle: DatabaseHandle): Promise<void> {
  const result = await handle.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`)
  const names = rowsOf<{ tablename: string }>(result).map((r) => r.tablename.replaceAll('"', '""'))
  if (names.length === 0) return
  const probe = names.map((name) => `select '${name.replaceAll("'", "''")}' as t where exists (select 1 from "${name}")`).join(' union all ')
  const used = rowsOf<{ t: string }>(await handle.db.execute(sql.raw(probe))).map((r) => r.t)
  if (used.length === 0) return
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local session_replication_role = replica`))
    for (const name of used) await tx.execute(sql.raw(`delete from "${name}"`))
  })
}
