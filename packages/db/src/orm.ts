// The only package that depends on drizzle-orm is this one; everyone else imports the query
// helpers from here, so there is exactly one drizzle-orm instance (and one set of types).
export {
  and,
  arrayContains,
  asc,
  between,
  count,
  desc,
  eq,
  exists,
  getTableColumns,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  not,
  notExists,
  or,
  sql,
  sum,
  type SQL,
} from 'drizzle-orm'
export type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core'
