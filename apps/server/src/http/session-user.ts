import type { Request } from 'express'
import type { AppDeps } from '@jouwbot/api'
import { validateSessionToken, type UserRow } from '@jouwbot/auth'
import { readSessionToken } from './cookies.ts'

/** The signed-in user behind a plain HTTP request (not tRPC); a half-finished 2FA login is nobody. */
export async function sessionUser(deps: AppDeps, req: Request): Promise<UserRow | null> {
  const token = readSessionToken(req)
  if (!token) return null
  const validation = await validateSessionToken(deps.db, token, deps.clock.now())
  if (!validation) return null
  if (validation.user.totpEnabledAt && !validation.session.twoFactorVerified) return null
  return validation.user
}
