/** The database error code of a driver error, through drizzle's wrapping (DrizzleQueryError.cause). */
export function pgErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const e = current as { code?: unknown; cause?: unknown }
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code
    current = e.cause
  }
  return undefined
}

/** An exclusion constraint refused an overlapping booking (23P01), or a unique key a repeat (23505). */
export const isOverlap = (error: unknown) => pgErrorCode(error) === '23P01'
export const isUniqueViolation = (error: unknown) => pgErrorCode(error) === '23505'
