import type { UserRow } from '@jouwbot/auth'
import { and, auditLog, desc, eq, sql } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'

/**
 * "Who looked at my data": every staff read of this member's personal data (rows written by
 * `recordStaffRead`): when, in which role, for which purpose. Staff names are not shown.
 */
export async function listStaffAccess(deps: Pick<AppDeps, 'db'>, { user }: { user: Pick<UserRow, 'id'> }) {
  const rows = await deps.db
    .select({ id: auditLog.id, at: auditLog.createdAt, action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.subjectUserId, user.id), sql`${auditLog.details} ? 'purpose'`, sql`${auditLog.details} ? 'staffRole'`))
    .orderBy(desc(auditLog.createdAt))
    .limit(500)
  return rows.map((row) => ({ id: row.id, at: row.at, action: row.action, purpose: String(row.details.purpose), staffRole: String(row.details.staffRole) }))
}
