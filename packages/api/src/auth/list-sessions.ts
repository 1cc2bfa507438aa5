import { type SessionRow } from '@jouwbot/auth'
import { and, desc, eq, gt, sessions } from '@jouwbot/db'
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
