import { consumeRateLimit, type RateLimitRule } from '@jouwbot/auth'
import { AppError } from '@jouwbot/shared'
import type { DbOrTx } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'

/** Every throttle of the account flows, in one place. Windows always end: nobody is locked out for good. */
export const rateLimitRules = {
  logInPerAccount: { name: 'login:account', limit: 10, windowSeconds: 15 * 60 },
  logInPerIp: { name: 'login:ip', limit: 50, windowSeconds: 15 * 60 },
  signUpPerIp: { name: 'signup:ip', limit: 10, windowSeconds: 60 * 60 },
  resetPerAccount: { name: 'reset:account', limit: 3, windowSeconds: 60 * 60 },
  resetPerIp: { name: 'reset:ip', limit: 20, windowSeconds: 60 * 60 },
  verificationMailPerAccount: { name: 'verify-mail:account', limit: 5, windowSeconds: 60 * 60 },
  emailChangePerAccount: { name: 'email-change:account', limit: 5, windowSeconds: 60 * 60 },
  twoFactorPerAccount: { name: '2fa:account', limit: 5, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>

/** Counts one attempt; throws `error.tooManyRequests` (with retry-after) when over the limit. */
export async function enforceRateLimit(
  deps: AppDeps,
  rule: RateLimitRule,
  subject: string,
  db: DbOrTx = deps.db,
): Promise<void> {
  const result = await consumeRateLimit(db, rule, deps.pseudonymize(subject), deps.clock.now())
  if (!result.allowed) {
    throw new AppError('TOO_MANY_REQUESTS', 'error.tooManyRequests', { retryAfterSeconds: result.retryAfterSeconds })
  }
}

/**
 * Same count, but reports instead of throwing — for mails that are skipped silently when throttled.
 * Inside a transaction pass its `tx` (PGlite has one connection; the root handle would deadlock).
 */
export async function withinRateLimit(
  deps: AppDeps,
  rule: RateLimitRule,
  subject: string,
  db: DbOrTx = deps.db,
): Promise<boolean> {
  return (await consumeRateLimit(db, rule, deps.pseudonymize(subject), deps.clock.now())).allowed
}
