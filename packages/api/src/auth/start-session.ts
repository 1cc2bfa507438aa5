import { createSession, invalidateSession, type UserRow } from '@jouwbot/auth'
import type { AppDeps } from '../deps.ts'

/** A new session's cookie value; the procedure puts it in the cookie. */
export interface NewSession {
  token: string
  expiresAt: Date
}

/** Who is logging in, from where: what the procedure knows about the request. */
export interface LogInClient {
  /** The session the request came with (dropped at login), if any. */
  currentSessionId: string | null
  userAgent: string | null
  ip: string
  /** The browser's device cookie (tokens of accounts that logged in on it before), if any. */
  deviceCookie?: string | null
}

/**
 * Starts a fresh session (a new token at every login and after the second factor) and drops the
 * one the request came with, so a planted session id never survives a login. Runs inside the
 * caller's transaction when `deps.db` is one.
 */
export async function startSession(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: { user: UserRow; client: LogInClient; twoFactorVerified: boolean },
): Promise<NewSession> {
  const now = deps.clock.now()
  if (input.client.currentSessionId) await invalidateSession(deps.db, input.client.currentSessionId)
  const { token, session } = await createSession(
    deps.db,
    { userId: input.user.id, userAgent: input.client.userAgent, twoFactorVerified: input.twoFactorVerified },
    now,
  )
  return { token, expiresAt: session.expiresAt }
}
