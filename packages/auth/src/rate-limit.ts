import { createHmac } from 'node:crypto'
import { lt, rateLimits, rowsOf, sql, type DbOrTx } from '@jouwbot/db'

export interface RateLimitRule {
  /** e.g. `login:account` — the rule's name, part of the key. */
  name: string
  limit: number
  windowSeconds: number
}

export interface RateLimitResult {
  allowed: boolean
  retryAfterSeconds: number
}

/**
 * Fixed-window counter in PostgreSQL, so the limit holds across every server process.
 * One atomic upsert; a window always ends, so nobody is ever locked out for good.
 */
export async function consumeRateLimit(
  db: DbOrTx,
  rule: RateLimitRule,
  subject: string,
  now: Date,
): Promise<RateLimitResult> {
  const key = `${rule.name}:${subject}`
  const resetAt = new Date(now.getTime() + rule.windowSeconds * 1000)
  const result = await db.execute(sql`
    insert into ${rateLimits} (key, count, reset_at) values (${key}, 1, ${resetAt.toISOString()})
    on conflict (key) do update set
      count = case when ${rateLimits.resetAt} <= ${now.toISOString()} then 1 else ${rateLimits.count} + 1 end,
      reset_at = case when ${rateLimits.resetAt} <= ${now.toISOString()} then excluded.reset_at else ${rateLimits.resetAt} end
    returning count, reset_at`)
  const [row] = rowsOf<{ count: number; reset_at: string | Date }>(result)
  const count = Number(row!.count)
  const retryAfterSeconds = Math.max(1, Math.ceil((new Date(row!.reset_at).getTime() - now.getTime()) / 1000))
  return { allowed: count <= rule.limit, retryAfterSeconds }
}

/**
 * Takes one counted attempt back (never below zero) in the window that is still running: for limits
 * that count failures, an attempt is counted before the check (so parallel tries cannot slip past
 * the limit) and given back when it succeeded or was never tried.
 */
export async function refundRateLimit(db: DbOrTx, rule: RateLimitRule, subject: string, now: Date): Promise<void> {
  const key = `${rule.name}:${subject}`
  await db.execute(sql`
    update ${rateLimits} set count = greatest(${rateLimits.count} - 1, 0)
    where ${rateLimits.key} = ${key} and ${rateLimits.resetAt} > ${now.toISOString()}`)
}

export async function deleteExpiredRateLimits(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.resetAt, now))
}

/**
 * Pseudonymises an identifier (e-mail address, IP) with a keyed hash before it is stored in a
 * rate-limit key or a log: the same input maps to the same value, but it cannot be read back.
 */
export function pseudonymize(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url').slice(0, 22)
}
