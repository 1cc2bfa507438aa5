import { type SessionRow } from '@jouwbot/auth'
import { and, eq, sessions } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'

/** Revokes one of the caller's own sessions; someone else's session id is "not found". */
export async function revokeSession(deps: AppDeps, current: SessionRow, sessionId: string): Promise<{ wasCurrent: boolean }> {
  const deleted = await deps.db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, current.userId)))
    .returning({ id: sessions.id })
  if (deleted.length === 0) throw new AppError('NOT_FOUND', 'auth.sessionNotFound')
  return { wasCurrent: sessionId === current.id }
}
