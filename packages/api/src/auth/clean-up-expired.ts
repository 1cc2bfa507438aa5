import { deleteExpiredRateLimits, deleteExpiredSessions } from '@jouwbot/auth'
import { isNotNull, lt, or, userTokens } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'

/** Hourly: drops expired sessions, finished rate-limit windows and dead single-use tokens. */
export async function cleanUpExpired(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<{ sessions: number; tokens: number }> {
  const now = deps.clock.now()
  const sessions = await deleteExpiredSessions(deps.db, now)
  await deleteExpiredRateLimits(deps.db, now)
  const tokens = await deps.db
    .delete(userTokens)
    .where(or(lt(userTokens.expiresAt, now), isNotNull(userTokens.usedAt)))
    .returning({ id: userTokens.id })
  return { sessions, tokens: tokens.length }
}
