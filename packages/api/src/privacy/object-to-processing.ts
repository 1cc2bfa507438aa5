import type { UserRow } from '@jouwbot/auth'
import { eq, privacyRequests, privacySettings, users } from '@jouwbot/db'
import { PRIVACY_REQUEST_DUE_DAYS } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { recordConsent } from './record-consent.ts'

const DAY = 86_400_000

/**
 * Art. 21: an objection to the newsletter or to statistics takes effect at once (no admin needed);
 * it is recorded as a request that is already done, so the member sees it in their history.
 */
export async function objectToProcessing(deps: AppDeps, { user, to }: { user: Pick<UserRow, 'id'>; to: 'newsletter' | 'statistics' }) {
  const now = deps.clock.now()
  return inTransaction(deps, async ({ db }) => {
    // The objection withdraws the consent too, in the consent log (with the account's newsletter flag).
    await recordConsent(db, { userId: user.id, choices: { [to]: false }, channel: 'account', now })
    if (to === 'newsletter') {
      await db.update(users).set({ newsletterConsentAt: null, updatedAt: now }).where(eq(users.id, user.id))
    } else {
      await db
        .insert(privacySettings)
        .values({ userId: user.id, statisticsObjectedAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: privacySettings.userId, set: { statisticsObjectedAt: now, updatedAt: now } })
    }
    const [request] = await db
      .insert(privacyRequests)
      .values({
        userId: user.id,
        kind: to === 'newsletter' ? 'objection_newsletter' : 'objection_statistics',
        status: 'done',
        createdAt: now,
        dueAt: new Date(now.getTime() + PRIVACY_REQUEST_DUE_DAYS * DAY),
        resolvedAt: now,
        outcome: null,
      })
      .returning()
    await recordAudit(db, { actorUserId: user.id, subjectUserId: user.id, action: 'privacy.objection', details: { to, requestId: request!.id } }, now)
    return request!
  })
}
