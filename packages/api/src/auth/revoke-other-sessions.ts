import { invalidateUserSessions, type SessionRow } from '@jouwbot/auth'
import type { AppDeps } from '../deps.ts'

export async function revokeOtherSessions(deps: AppDeps, current: SessionRow): Promise<void> {
  await invalidateUserSessions(deps.db, current.userId, current.id)
}
