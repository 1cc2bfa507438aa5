import type { UserRow } from '@jouwbot/auth'
import { staffReviews } from '@jouwbot/db'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

/** Marks the quarterly authorisations review as done (the reminder then moves a quarter on). */
export async function recordStaffReview(deps: AppDeps, { admin, note }: { admin: Pick<UserRow, 'id'>; note?: string | undefined }) {
  const now = deps.clock.now()
  return inTransaction(deps, async ({ db }) => {
    const [row] = await db.insert(staffReviews).values({ reviewedBy: admin.id, reviewedAt: now, note: note || null }).returning()
    await recordAudit(db, { actorUserId: admin.id, subjectUserId: null, action: 'privacy.staff_review', details: { reviewId: row!.id } }, now)
    return row!
  })
}
