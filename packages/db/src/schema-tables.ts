import * as schema from './schema/index.ts'
import { is } from 'drizzle-orm'
import { toSnakeCase } from 'drizzle-orm/casing'
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core'

export interface SchemaTable {
  /** SQL name, e.g. `lesson_progress`. */
  name: string
  table: PgTable
  /** SQL column name (snake_case, as the migrations create it) → drizzle column. */
  columns: Map<string, PgColumn>
}

/**
 * Every table exported by the db package's schema, with SQL column names — the same names the privacy
 * registry uses. Export and erasure use it to turn a registry location into a drizzle query.
 */
export function schemaTables(): Map<string, SchemaTable> {
  const tables = new Map<string, SchemaTable>()
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue
    const config = getTableConfig(value)
    const columns = new Map<string, PgColumn>()
    // The db uses `casing: 'snake_case'`: a column declared without a name is named after its key.
    for (const column of config.columns) columns.set(column.keyAsName ? toSnakeCase(column.name) : column.name, column)
    tables.set(config.name, { name: config.name, table: value, columns })
  }
  return tables
}
