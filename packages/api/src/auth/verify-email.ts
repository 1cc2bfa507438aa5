import { eq, users } from '@jouwbot/db'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { consumeUserToken } from './user-tokens.ts'

export async function verifyEmail(deps: AppDeps, token: string): Promise<{ ok: true }> {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const row = await consumeUserToken(tx, token, 'verify_email', now)
    await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, row.userId))
    await recordAudit(tx, { actorUserId: row.userId, subjectUserId: row.userId, action: 'account.email_verified' }, now)
  })
  return { ok: true }
}
