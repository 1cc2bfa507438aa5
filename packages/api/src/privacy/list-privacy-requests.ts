import type { UserRow } from '@jouwbot/auth'
import { and, asc, desc, eq, privacyRequests, privacySettings, sql, users, type SQL } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { recordStaffRead } from './record-staff-read.ts'

/**
 * The admin queue, a page at a time: open requests first by due date (art. 12: one month), or every
 * request newest first. Keyset pagination on (due_at, id) or (created_at desc, id desc), the order of
 * privacy_requests_open_idx / privacy_requests_created_idx; the cursor row is read back from the table.
 * Only the page shown is audit-logged.
 */
export async function listPrivacyRequests(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  { admin, status, cursor, limit }: { admin: Pick<UserRow, 'id' | 'role'>; status: 'open' | 'all'; cursor?: string | undefined; limit: number },
) {
  const open = status === 'open'
  const filters: SQL[] = []
  if (open) filters.push(eq(privacyRequests.status, 'open'))
  if (cursor) {
    filters.push(
      open
        ? sql`(${privacyRequests.dueAt}, ${privacyRequests.id}) > (select c.due_at, c.id from ${privacyRequests} c where c.id = ${cursor})`
        : sql`(${privacyRequests.createdAt}, ${privacyRequests.id}) < (select c.created_at, c.id from ${privacyRequests} c where c.id = ${cursor})`,
    )
  }
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
      processor: privacyRequests.processor,
      processorCause: privacyRequests.processorCause,
      processorRef: privacyRequests.processorRef,
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
    .where(filters.length > 0 ? and(...filters) : undefined)
    .orderBy(...(open ? [asc(privacyRequests.dueAt), asc(privacyRequests.id)] : [desc(privacyRequests.createdAt), desc(privacyRequests.id)]))
    .limit(limit + 1)
  const page = rows.slice(0, limit)
  const now = deps.clock.now()
  await recordStaffRead(deps.db, { staff: admin, subjectUserIds: page.map((row) => row.userId), action: 'admin.read_privacy_requests', purpose: 'privacy_request', details: { count: page.length } }, now)
  return {
    requests: page.map((row) => ({ ...row, overdue: row.status === 'open' && row.dueAt.getTime() < now.getTime() })),
    nextCursor: rows.length > limit ? page.at(-1)!.id : null,
  }
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
      processor: privacyRequests.processor,
    })
    .from(privacyRequests)
    .where(eq(privacyRequests.userId, user.id))
    .orderBy(desc(privacyRequests.createdAt))
}
