import type { UserRow } from '@jouwbot/auth'
import { and, eq, inArray, privacyRequests, privacySettings } from '@jouwbot/db'
import { AppError, PRIVACY_REQUEST_DUE_DAYS } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

const DAY = 86_400_000

/**
 * Art. 18: the member asks to restrict processing (or, when restricted, to lift it). An admin
 * decides within a month (art. 12); until then the request is open in the admin queue.
 */
export async function requestRestriction(deps: AppDeps, { user, message }: { user: Pick<UserRow, 'id'>; message?: string | undefined }) {
  const now = deps.clock.now()
  return inTransaction(deps, async ({ db }) => {
    const [settings] = await db.select().from(privacySettings).where(eq(privacySettings.userId, user.id)).for('update').limit(1)
    const kind = settings?.restrictedAt ? 'lift_restriction' : 'restriction'
    const open = await db
      .select({ id: privacyRequests.id })
      .from(privacyRequests)
      .where(and(eq(privacyRequests.userId, user.id), eq(privacyRequests.status, 'open'), inArray(privacyRequests.kind, ['restriction', 'lift_restriction'])))
      .limit(1)
    if (open.length > 0) throw new AppError('CONFLICT', 'privacy.requestPending')
    const [request] = await db
      .insert(privacyRequests)
      .values({ userId: user.id, kind, status: 'open', message: message || null, createdAt: now, dueAt: new Date(now.getTime() + PRIVACY_REQUEST_DUE_DAYS * DAY) })
      .returning()
    await recordAudit(db, { actorUserId: user.id, subjectUserId: user.id, action: 'privacy.request_filed', details: { kind, requestId: request!.id } }, now)
    return request!
  })
}
