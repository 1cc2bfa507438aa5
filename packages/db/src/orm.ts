// The only package that depends on drizzle-orm is this one; everyone else imports the query
// helpers from here, so there is exactly one drizzle-orm instance (and one set of types).
export {
  and,
  asc,
  count,
  desc,
  eq,
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
  or,
  sql,
  sum,
  type SQL,
} from 'drizzle-orm'
