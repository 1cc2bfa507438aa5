import { consumeRateLimit, refundRateLimit, type RateLimitRule } from '@jouwbot/auth'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'

/** Every throttle of the account flows, in one place. Windows always end: nobody is locked out for good. */
export const rateLimitRules = {
  // Log-in (OWASP's Authentication Cheat Sheet: limits per account + IP and per IP, and device
  // cookies so that someone else's failures never lock the owner's known browser out). These count
  // failed passwords: an attempt is counted first and given back when the password was right.
  /** Failures from one IP, whatever the accounts. */
  logInPerIp: { name: 'login:ip', limit: 50, windowSeconds: 15 * 60 },
  /** Failures for one account from one IP. */
  logInPerAccountAndIp: { name: 'login:account-ip', limit: 10, windowSeconds: 15 * 60 },
  /** Failures for one account from browsers it never logged in on, all IPs together (spread-out guessing). */
  logInPerAccount: { name: 'login:account', limit: 50, windowSeconds: 15 * 60 },
  /** Failures from one browser the account logged in on before (its device cookie); no other limit applies there. */
  logInPerKnownDevice: { name: 'login:device', limit: 10, windowSeconds: 15 * 60 },
  /** A signed-in member typing their password again (sudo mode, change password, turn off 2FA). */
  passwordAgainPerAccount: { name: 'password-again:account', limit: 10, windowSeconds: 15 * 60 },
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
 * Counts one attempt under each rule in turn and stops at the first that is over its limit: then
 * the attempts counted so far are given back (a refused try checked nothing, so it is no failure,
 * and one IP's refused tries never add up on the account) and `retryAfterSeconds` is returned.
 * Otherwise `release` gives every count back — call it when the attempt succeeded.
 */
export async function countAttempt(
  deps: RateLimitDeps,
  limits: readonly (readonly [RateLimitRule, string])[],
): Promise<{ throttled: false; release: () => Promise<void> } | { throttled: true; retryAfterSeconds: number }> {
  const now = deps.clock.now()
  const counted: (readonly [RateLimitRule, string])[] = []
  const release = async () => {
    for (const [rule, subject] of counted) await refundRateLimit(deps.db, rule, subject, now)
  }
  for (const [rule, subject] of limits) {
    const pseudonym = deps.pseudonymize(subject)
    const result = await consumeRateLimit(deps.db, rule, pseudonym, now)
    counted.push([rule, pseudonym])
    if (!result.allowed) {
      await release()
      return { throttled: true, retryAfterSeconds: result.retryAfterSeconds }
    }
  }
  return { throttled: false, release }
}

/**
 * Same count, but reports instead of throwing — for mails that are skipped silently when throttled.
 * Inside a transaction pass the transaction's deps (`inTransaction`).
 */
export async function withinRateLimit(deps: RateLimitDeps, rule: RateLimitRule, subject: string): Promise<boolean> {
  return (await consumeRateLimit(deps.db, rule, deps.pseudonymize(subject), deps.clock.now())).allowed
}
