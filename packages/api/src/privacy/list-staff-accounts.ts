import { desc, eq, inArray, sessions, sql, staffReviews, users } from '@jouwbot/db'
import { STAFF_REVIEW_INTERVAL_DAYS } from '@jouwbot/shared'
import type { UserRow } from '@jouwbot/auth'
import type { AppDeps } from '../deps.ts'
import { recordStaffRead } from './record-staff-read.ts'

const DAY = 86_400_000

/**
 * The authorisations review: every staff account with its role, whether 2FA is on and when it was
 * last used, plus the quarterly review state (last review, next due, overdue).
 */
export async function listStaffAccounts(deps: Pick<AppDeps, 'db' | 'clock'>, { admin }: { admin: Pick<UserRow, 'id' | 'role'> }) {
  const lastUse = sql<Date | null>`max(${sessions.lastSeenAt})`.mapWith((value: string | Date | null) => (value === null ? null : new Date(value)))
  const staff = await deps.db
    .select({
      userId: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      role: users.role,
      twoFactorEnabledAt: users.totpEnabledAt,
      createdAt: users.createdAt,
      lastUsedAt: lastUse,
    })
    .from(users)
    .leftJoin(sessions, eq(sessions.userId, users.id))
    .where(inArray(users.role, ['coach', 'admin']))
    .groupBy(users.id)
    .orderBy(users.role, users.lastName, users.firstName)
  const [lastReview] = await deps.db
    .select({ reviewedAt: staffReviews.reviewedAt, reviewedBy: staffReviews.reviewedBy, note: staffReviews.note })
    .from(staffReviews)
    .orderBy(desc(staffReviews.reviewedAt))
    .limit(1)
  const now = deps.clock.now()
  // Staff are members too: the review is a read of their personal data, shown to each of them.
  await recordStaffRead(deps.db, { staff: admin, subjectUserIds: staff.map((s) => s.userId), action: 'admin.read_staff_accounts', purpose: 'authorisation_review', details: { count: staff.length } }, now)
  const nextReviewDue = lastReview ? new Date(lastReview.reviewedAt.getTime() + STAFF_REVIEW_INTERVAL_DAYS * DAY) : now
  return {
    staff: staff.map((row) => ({ ...row, twoFactor: row.twoFactorEnabledAt !== null })),
    lastReview: lastReview ?? null,
    nextReviewDue,
    reviewDue: nextReviewDue.getTime() <= now.getTime(),
  }
}
