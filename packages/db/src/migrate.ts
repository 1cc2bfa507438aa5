import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import type { DatabaseHandle } from './client.ts'

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url))

/** Applies the committed SQL migrations in `drizzle/` (the same folder for both drivers). */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder })
    return
  }
  // Several server processes may start together: one migrates, the others wait for it.
  await handle.sql.begin(async (sql) => {
    await sql`select pg_advisory_xact_lock(7270736901)`
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder })
  })
}

/** The tag of the newest committed migration (`drizzle/meta/_journal.json`), e.g. `0023_privacy_processors`. */
export function latestMigrationTag(): string {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }
  const last = journal.entries.at(-1)
  if (!last) throw new Error(`${migrationsFolder}: the migration journal is empty`)
  return last.tag
}
