import { verifyAgainstDummy, verifyPassword } from '@jouwbot/auth'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { findUserByEmail } from './users.ts'
import { queueVerificationMail } from './queue-verification-mail.ts'
import { knownDeviceOf, rememberDevice } from './known-devices.ts'
import { countAttempt, rateLimitRules } from './rate-limits.ts'
import { startSession, type LogInClient, type NewSession } from './start-session.ts'

export type LogInResult = { status: 'ok' | 'totp_required'; session: NewSession; deviceCookie: string }

/**
 * Password check. Unknown address and wrong password give the same error after the same argon2
 * work. With 2FA on, the new session waits for the code (`auth.verifyTotp`) before it counts.
 *
 * Throttling counts wrong passwords. From the account's known browser (its device cookie) only that
 * browser's own failures count; from anywhere else: per IP, per account + IP, and per account over
 * all IPs (a higher limit, against guessing spread over many addresses). A throttled member hears
 * so (`auth.logInThrottled`, with the minutes to wait); the right password gives the browser its
 * device cookie (`deviceCookie`, set by the procedure).
 */
export async function logIn(deps: AppDeps, input: { email: string; password: string; client: LogInClient }): Promise<LogInResult> {
  const { ip } = input.client
  const user = await findUserByEmail(deps.db, input.email)
  const device = user ? knownDeviceOf(deps, input.client.deviceCookie, user.id) : null
  const attempt = await countAttempt(
    deps,
    device
      ? [[rateLimitRules.logInPerKnownDevice, `device:${device}`]]
      : [
          [rateLimitRules.logInPerIp, `ip:${ip}`],
          [rateLimitRules.logInPerAccountAndIp, `email:${input.email}|ip:${ip}`],
          [rateLimitRules.logInPerAccount, `email:${input.email}`],
        ],
  )
  if (attempt.throttled) throw new AppError('TOO_MANY_REQUESTS', 'auth.logInThrottled', { retryAfterSeconds: attempt.retryAfterSeconds })

  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password)
  if (!user || !valid) throw new AppError('UNAUTHORIZED', 'auth.invalidCredentials')
  // The right password is no failure.
  await attempt.release()
  const deviceCookie = rememberDevice(deps, input.client.deviceCookie, user.id)

  if (!user.emailVerifiedAt) {
    await inTransaction(deps, (txDeps) => queueVerificationMail(txDeps, user))
    deps.onMailQueued?.()
    throw new AppError('FORBIDDEN', 'auth.emailNotVerified')
  }

  const needsCode = user.totpEnabledAt !== null
  const session = await startSession(deps, { user, client: input.client, twoFactorVerified: !needsCode })
  return { status: needsCode ? 'totp_required' : 'ok', session, deviceCookie }
}
