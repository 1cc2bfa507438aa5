import type { UserRow } from '@jouwbot/auth'
import { auditLog, type DbOrTx } from '@jouwbot/db'
import type { StaffReadPurpose } from '@jouwbot/shared'

export interface StaffRead {
  staff: Pick<UserRow, 'id' | 'role'>
  /** Whose personal data was read: one audit row each, so each member sees it. */
  subjectUserIds: readonly (string | null)[]
  /** What was read, e.g. `admin.read_order`. */
  action: string
  purpose: StaffReadPurpose
  details?: Record<string, unknown>
}

/**
 * Purpose-bound access: every staff read of a member's personal data leaves a row per member
 * with the purpose and the staff role at the time. "Who looked at my data" reads these rows.
 */
export async function recordStaffRead(db: DbOrTx, read: StaffRead, now: Date): Promise<void> {
  const subjects = [...new Set(read.subjectUserIds.filter((id): id is string => id !== null && id !== read.staff.id))]
  const details = { ...read.details, purpose: read.purpose, staffRole: read.staff.role }
  if (subjects.length === 0) {
    await db.insert(auditLog).values({ actorUserId: read.staff.id, subjectUserId: null, action: read.action, details, createdAt: now })
    return
  }
  await db
    .insert(auditLog)
    .values(subjects.map((subjectUserId) => ({ actorUserId: read.staff.id, subjectUserId, action: read.action, details, createdAt: now })))
}
