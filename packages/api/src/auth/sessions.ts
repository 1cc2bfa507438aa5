import { invalidateUserSessions, type SessionRow } from '@jouwbot/auth'
import { and, desc, eq, gt, sessions } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { describeDevice } from './device.ts'

export interface SessionSummary {
  id: string
  /** e.g. "Firefox · Windows"; empty when the browser is unknown. */
  device: string
  userAgent: string | null
  createdAt: Date
  lastSeenAt: Date
  current: boolean
}

export async function listSessions(deps: AppDeps, current: SessionRow): Promise<SessionSummary[]> {
  const rows = await deps.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, current.userId), gt(sessions.expiresAt, deps.clock.now())))
    .orderBy(desc(sessions.lastSeenAt))
  return rows.map((row) => {
    const { browser, os } = describeDevice(row.userAgent)
    return {
      id: row.id,
      device: [browser, os].filter(Boolean).join(' · '),
      userAgent: row.userAgent,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      current: row.id === current.id,
    }
  })
}

/** Revokes one of the caller's own sessions; someone else's session id is "not found". */
export async function revokeSession(deps: AppDeps, current: SessionRow, sessionId: string): Promise<{ wasCurrent: boolean }> {
  const deleted = await deps.db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, current.userId)))
    .returning({ id: sessions.id })
  if (deleted.length === 0) throw new AppError('NOT_FOUND', 'auth.sessionNotFound')
  return { wasCurrent: sessionId === current.id }
}

export async function revokeOtherSessions(deps: AppDeps, current: SessionRow): Promise<void> {
  await invalidateUserSessions(deps.db, current.userId, current.id)
}
