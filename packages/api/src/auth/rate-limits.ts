import { consumeRateLimit, type RateLimitRule } from '@jouwbot/auth'
import { AppError } from '@jouwbot/shared'
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

type RateLimitDeps = Pick<AppDeps, 'db' | 'pseudonymize' | 'clock'>

/** Counts one attempt; throws `error.tooManyRequests` (with retry-after) when over the limit. */
export async function enforceRateLimit(deps: RateLimitDeps, rule: RateLimitRule, subject: string): Promise<void> {
  const result = await consumeRateLimit(deps.db, rule, deps.pseudonymize(subject), deps.clock.now())
  if (!result.allowed) {
    throw new AppError('TOO_MANY_REQUESTS', 'error.tooManyRequests', { retryAfterSeconds: result.retryAfterSeconds })
  }
}

/**
 * Same count, but reports instead of throwing — for mails that are skipped silently when throttled.
 * Inside a transaction pass the transaction's deps (`inTransaction`).
 */
export async function withinRateLimit(deps: RateLimitDeps, rule: RateLimitRule, subject: string): Promise<boolean> {
  return (await consumeRateLimit(deps.db, rule, deps.pseudonymize(subject), deps.clock.now())).allowed
}
