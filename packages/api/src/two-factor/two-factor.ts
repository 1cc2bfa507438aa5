import {
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  totpUri,
  verifyPassword,
  type SessionRow,
  type UserRow,
} from '@jouwbot/auth'
import { and, eq, ne, recoveryCodes, sessions, users, type DbOrTx } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { AppError } from '@jouwbot/shared'
import QRCode from 'qrcode'
import { recordAudit } from '../audit/record-audit.ts'
import { mailLocale } from '../auth/users.ts'
import type { AppDeps } from '../deps.ts'
import { checkTotpCode } from './check-totp-code.ts'
import { enforceRateLimit, rateLimitRules } from '../auth/rate-limits.ts'

type Who = { session: SessionRow; user: UserRow }

/** Step 1: a new secret, stored encrypted but not active until a code confirms it. */
export async function setUpTwoFactor(deps: AppDeps, { user }: Who): Promise<{ uri: string; qrSvg: string; secret: string }> {
  if (user.totpEnabledAt) throw new AppError('CONFLICT', 'auth.totpAlreadyEnabled')
  const secret = generateTotpSecret()
  await deps.db
    .update(users)
    .set({ totpSecret: deps.cipher.encrypt(secret), totpLastUsedStep: null, updatedAt: deps.clock.now() })
    .where(eq(users.id, user.id))
  const uri = totpUri(secret, user.email)
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return { uri, qrSvg, secret }
}

async function replaceRecoveryCodes(tx: DbOrTx, userId: string, now: Date): Promise<string[]> {
  const codes = generateRecoveryCodes()
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })))
  return codes
}

/** Step 2: the first correct code switches 2FA on and yields the ten recovery codes (shown once). */
export async function enableTwoFactor(deps: AppDeps, { user, session }: Who, code: string): Promise<{ recoveryCodes: string[] }> {
  if (user.totpEnabledAt) throw new AppError('CONFLICT', 'auth.totpAlreadyEnabled')
  if (!user.totpSecret) throw new AppError('BAD_REQUEST', 'auth.totpSetupMissing')
  await enforceRateLimit(deps, rateLimitRules.twoFactorPerAccount, `user:${user.id}`)
  const now = deps.clock.now()
  const codes = await deps.db.transaction(async (tx) => {
    if (!(await checkTotpCode(deps, tx, user, code))) throw new AppError('BAD_REQUEST', 'auth.totpInvalid')
    await tx.update(users).set({ totpEnabledAt: now, updatedAt: now }).where(eq(users.id, user.id))
    // This session proved the second factor just now; every other session of the member must too.
    await tx.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, session.id))
    await tx
      .update(sessions)
      .set({ twoFactorVerified: false })
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, session.id)))
    const codes = await replaceRecoveryCodes(tx, user.id, now)
    await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'auth.2fa_enabled' }, now)
    await enqueueMail(tx, { to: user.email, template: 'twoFactorEnabled', locale: mailLocale(user), params: { firstName: user.firstName } }, deps.clock.now())
    return codes
  })
  deps.onMailQueued?.()
  return { recoveryCodes: codes }
}

export async function disableTwoFactor(deps: AppDeps, { user }: Who, password: string): Promise<{ ok: true }> {
  if (!user.totpEnabledAt) throw new AppError('BAD_REQUEST', 'auth.totpNotEnabled')
  await enforceRateLimit(deps, rateLimitRules.logInPerAccount, `email:${user.email}`)
  if (!(await verifyPassword(user.passwordHash, password))) throw new AppError('UNAUTHORIZED', 'auth.passwordWrong')
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastUsedStep: null, updatedAt: now })
      .where(eq(users.id, user.id))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id))
    await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'auth.2fa_disabled' }, now)
    await enqueueMail(tx, { to: user.email, template: 'twoFactorDisabled', locale: mailLocale(user), params: { firstName: user.firstName } }, deps.clock.now())
  })
  deps.onMailQueued?.()
  return { ok: true }
}

export async function regenerateRecoveryCodes(deps: AppDeps, { user }: Who): Promise<{ recoveryCodes: string[] }> {
  if (!user.totpEnabledAt) throw new AppError('BAD_REQUEST', 'auth.totpNotEnabled')
  const now = deps.clock.now()
  const codes = await deps.db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, user.id, now)
    await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'auth.recovery_codes_regenerated' }, now)
    return codes
  })
  return { recoveryCodes: codes }
}
