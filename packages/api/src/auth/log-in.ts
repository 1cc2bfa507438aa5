import { verifyAgainstDummy, verifyPassword } from '@jouwbot/auth'
import { AppError } from '@jouwbot/shared'
import type { Context } from '../context.ts'
import { enforceRateLimit, rateLimitRules } from './rate-limits.ts'
import { startSession } from './session-cookie.ts'
import { findUserByEmail } from './users.ts'
import { queueVerificationMail } from './verify-email.ts'

export type LogInResult = { status: 'ok' } | { status: 'totp_required' }

/**
 * Password check. Unknown address and wrong password give the same error after the same argon2
 * work. With 2FA on, the new session waits for the code (`auth.verifyTotp`) before it counts.
 */
export async function logIn(
  ctx: Pick<Context, 'deps' | 'session' | 'cookies' | 'request'>,
  input: { email: string; password: string },
): Promise<LogInResult> {
  const { deps } = ctx
  await enforceRateLimit(deps, rateLimitRules.logInPerIp, `ip:${ctx.request.ip}`)
  await enforceRateLimit(deps, rateLimitRules.logInPerAccount, `email:${input.email}`)

  const user = await findUserByEmail(deps.db, input.email)
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password)
  if (!user || !valid) throw new AppError('UNAUTHORIZED', 'auth.invalidCredentials')

  if (!user.emailVerifiedAt) {
    await deps.db.transaction((tx) => queueVerificationMail(deps, tx, user))
    deps.onMailQueued?.()
    throw new AppError('FORBIDDEN', 'auth.emailNotVerified')
  }

  const needsCode = user.totpEnabledAt !== null
  await startSession(ctx, user, !needsCode)
  return needsCode ? { status: 'totp_required' } : { status: 'ok' }
}
