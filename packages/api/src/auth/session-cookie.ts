import { createSession, invalidateSession, type UserRow } from '@jouwbot/auth'
import type { DbOrTx } from '@jouwbot/db'
import type { Context } from '../context.ts'

/**
 * Starts a fresh session (a new token at every login and after the second factor) and drops the
 * one the request came with, so a planted session id never survives a login.
 */
export async function startSession(
  ctx: Pick<Context, 'deps' | 'session' | 'cookies' | 'request'>,
  user: UserRow,
  twoFactorVerified: boolean,
  db: DbOrTx = ctx.deps.db,
): Promise<void> {
  const now = ctx.deps.clock.now()
  if (ctx.session) await invalidateSession(db, ctx.session.id)
  const { token, session } = await createSession(
    db,
    { userId: user.id, userAgent: ctx.request.userAgent, twoFactorVerified },
    now,
  )
  ctx.cookies.set(token, session.expiresAt)
}
