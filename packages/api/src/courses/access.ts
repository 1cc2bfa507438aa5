import type { UserRow } from '@jouwbot/auth'
import { and, entitlements, eq, isNull, type DbOrTx } from '@jouwbot/db'
import { recordAudit } from '../audit/record-audit.ts'

export interface AccessGrant {
  userId: string
  courseId: string
  source: 'admin_grant' | 'order'
  /** The order id, or `manual` for an admin grant. */
  sourceRef: string
  actorUserId: string | null
}

/** Staff see every course (to check and support it), without an entitlement. */
export const seesEveryCourse = (user: Pick<UserRow, 'role'>): boolean => user.role === 'admin' || user.role === 'coach'

/** Staff see every course (to check and support it); members need an active entitlement. */
export async function hasCourseAccess(db: DbOrTx, user: Pick<UserRow, 'id' | 'role'> | null, courseId: string): Promise<boolean> {
  if (!user) return false
  if (seesEveryCourse(user)) return true
  const [row] = await db
    .select({ id: entitlements.id })
    .from(entitlements)
    .where(and(eq(entitlements.userId, user.id), eq(entitlements.courseId, courseId), isNull(entitlements.revokedAt)))
    .limit(1)
  return row !== undefined
}

/**
 * Grants access exactly once per cause: a second grant for the same user, course and cause is a
 * no-op (unique partial index), so webhook retries and double clicks are harmless.
 */
export async function grantCourseAccess(db: DbOrTx, grant: AccessGrant, now: Date): Promise<{ granted: boolean }> {
  const inserted = await db
    .insert(entitlements)
    .values({ ...grant, grantedBy: grant.actorUserId, grantedAt: now })
    .onConflictDoNothing()
    .returning({ id: entitlements.id })
  if (inserted.length === 0) return { granted: false }
  await recordAudit(
    db,
    { actorUserId: grant.actorUserId, subjectUserId: grant.userId, action: 'access.granted', details: { courseId: grant.courseId, source: grant.source, sourceRef: grant.sourceRef } },
    now,
  )
  return { granted: true }
}

/** Ends the active grant of this cause (the row stays, with revoked_at, for the audit trail). */
export async function revokeCourseAccess(db: DbOrTx, grant: AccessGrant, now: Date): Promise<{ revoked: boolean }> {
  const revoked = await db
    .update(entitlements)
    .set({ revokedAt: now, revokedBy: grant.actorUserId })
    .where(
      and(
        eq(entitlements.userId, grant.userId),
        eq(entitlements.courseId, grant.courseId),
        eq(entitlements.source, grant.source),
        eq(entitlements.sourceRef, grant.sourceRef),
        isNull(entitlements.revokedAt),
      ),
    )
    .returning({ id: entitlements.id })
  if (revoked.length === 0) return { revoked: false }
  await recordAudit(
    db,
    { actorUserId: grant.actorUserId, subjectUserId: grant.userId, action: 'access.revoked', details: { courseId: grant.courseId, source: grant.source, sourceRef: grant.sourceRef } },
    now,
  )
  return { revoked: true }
}
