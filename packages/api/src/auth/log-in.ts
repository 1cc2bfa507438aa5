import { verifyAgainstDummy, verifyPassword } from '@jouwbot/auth'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { findUserByEmail } from './users.ts'
import { queueVerificationMail } from './queue-verification-mail.ts'
import { enforceRateLimit, rateLimitRules } from './rate-limits.ts'
import { startSession, type LogInClient, type NewSession } from './start-session.ts'

export type LogInResult = { status: 'ok' | 'totp_required'; session: NewSession }

/**
 * Password check. Unknown address and wrong password give the same error after the same argon2
 * work. With 2FA on, the new session waits for the code (`auth.verifyTotp`) before it counts.
 */
export async function logIn(deps: AppDeps, input: { email: string; password: string; client: LogInClient }): Promise<LogInResult> {
  await enforceRateLimit(deps, rateLimitRules.logInPerIp, `ip:${input.client.ip}`)
  await enforceRateLimit(deps, rateLimitRules.logInPerAccount, `email:${input.email}`)

  const user = await findUserByEmail(deps.db, input.email)
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password)
  if (!user || !valid) throw new AppError('UNAUTHORIZED', 'auth.invalidCredentials')

  if (!user.emailVerifiedAt) {
    await inTransaction(deps, (txDeps) => queueVerificationMail(txDeps, user))
    deps.onMailQueued?.()
    throw new AppError('FORBIDDEN', 'auth.emailNotVerified')
  }

  const needsCode = user.totpEnabledAt !== null
  const session = await startSession(deps, { user, client: input.client, twoFactorVerified: !needsCode })
  return { status: needsCode ? 'totp_required' : 'ok', session }
}
