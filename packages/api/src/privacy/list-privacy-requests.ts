import type { UserRow } from '@jouwbot/auth'
import { asc, desc, eq, privacyRequests, privacySettings, users } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { recordStaffRead } from './record-staff-read.ts'

/** The admin queue: open requests first by due date (art. 12: one month), or every request. */
export async function listPrivacyRequests(deps: Pick<AppDeps, 'db' | 'clock'>, { admin, status }: { admin: Pick<UserRow, 'id' | 'role'>; status: 'open' | 'all' }) {
  const rows = await deps.db
    .select({
      id: privacyRequests.id,
      kind: privacyRequests.kind,
      status: privacyRequests.status,
      message: privacyRequests.message,
      createdAt: privacyRequests.createdAt,
      dueAt: privacyRequests.dueAt,
      resolvedAt: privacyRequests.resolvedAt,
      outcome: privacyRequests.outcome,
      userId: privacyRequests.userId,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      /** Art. 18: the member's processing is restricted now (since then), whatever this request is. */
      restrictedAt: privacySettings.restrictedAt,
    })
    .from(privacyRequests)
    .leftJoin(users, eq(users.id, privacyRequests.userId))
    .leftJoin(privacySettings, eq(privacySettings.userId, privacyRequests.userId))
    .where(status === 'open' ? eq(privacyRequests.status, 'open') : undefined)
    .orderBy(status === 'open' ? asc(privacyRequests.dueAt) : desc(privacyRequests.createdAt))
    .limit(500)
  const now = deps.clock.now()
  await recordStaffRead(deps.db, { staff: admin, subjectUserIds: rows.map((row) => row.userId), action: 'admin.read_privacy_requests', purpose: 'privacy_request', details: { count: rows.length } }, now)
  return rows.map((row) => ({ ...row, overdue: row.status === 'open' && row.dueAt.getTime() < now.getTime() }))
}

/** The member's own requests and outcomes, newest first. */
export async function listMyPrivacyRequests(deps: Pick<AppDeps, 'db'>, { user }: { user: Pick<UserRow, 'id'> }) {
  return deps.db
    .select({
      id: privacyRequests.id,
      kind: privacyRequests.kind,
      status: privacyRequests.status,
      message: privacyRequests.message,
      createdAt: privacyRequests.createdAt,
      dueAt: privacyRequests.dueAt,
      resolvedAt: privacyRequests.resolvedAt,
      outcome: privacyRequests.outcome,
    })
    .from(privacyRequests)
    .where(eq(privacyRequests.userId, user.id))
    .orderBy(desc(privacyRequests.createdAt))
}
