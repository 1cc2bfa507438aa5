import type { UserRow } from '@jouwbot/auth'
import { auditLog, sql, type DbOrTx } from '@jouwbot/db'
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

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
  // One statement with the ids as one array parameter (a page of 50 members was 250 bound values and 50
  // copies of the same JSON): the per-row cost of an audited admin list (bench:scale). The ids are uuids
  // from the database, so the array literal needs no quoting.
  if (subjects.some((id) => !UUID.test(id))) throw new Error('recordStaffRead: subject ids must be uuids')
  await db.execute(sql`
    insert into ${auditLog} (actor_user_id, subject_user_id, action, details, created_at)
    select ${read.staff.id}, subject, ${read.action}, ${JSON.stringify(details)}::jsonb, ${now.toISOString()}::timestamptz
    from unnest(${`{${subjects.join(',')}}`}::uuid[]) as subject`)
}
