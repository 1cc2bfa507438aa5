import type { UserRow } from '@jouwbot/auth'
import { and, desc, entitlements, eq, isNull, sql, users, type SQL } from '@jouwbot/db'
import type { courseMembersInput } from '@jouwbot/shared'
import type { z } from 'zod'
import type { AppDeps } from '../../deps.ts'
import { recordStaffRead } from '../../privacy/record-staff-read.ts'
import { courseBySlug } from './change-manual-grant.ts'

/**
 * Who has access now, newest access first, one page at a time (keyset on grant time and entitlement id,
 * the order of `entitlements_course_members_idx`, so a page costs the same on a course with 100 000
 * members as on one with ten). `search` matches e-mail or name through `users_search_trgm_idx`.
 * Reading members' personal data is itself audit-logged (purpose-bound access): only the page shown.
 */
export async function listCourseMembers(deps: AppDeps, admin: UserRow, input: z.output<typeof courseMembersInput>) {
  const course = await courseBySlug(deps, input.courseSlug)
  const filters: SQL[] = [eq(entitlements.courseId, course.id), isNull(entitlements.revokedAt)]
  if (input.cursor) {
    // Row comparison against the last row of the previous page, read back from the table so the full
    // microsecond precision of granted_at counts (a JS Date only keeps milliseconds). PostgreSQL walks the
    // index from there on (granted_at desc, id desc).
    filters.push(
      sql`(${entitlements.grantedAt}, ${entitlements.id}) < (select c.granted_at, c.id from ${entitlements} c where c.id = ${input.cursor})`,
    )
  }
  if (input.search) {
    const term = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    // The same expression as the trigram index users_search_trgm_idx.
    filters.push(sql`(${users.email} || ' ' || ${users.firstName} || ' ' || ${users.lastName}) ilike ${term}`)
  }
  const rows = await deps.db
    .select({
      entitlementId: entitlements.id,
      userId: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      source: entitlements.source,
      grantedAt: entitlements.grantedAt,
    })
    .from(entitlements)
    .innerJoin(users, eq(users.id, entitlements.userId))
    .where(and(...filters))
    .orderBy(desc(entitlements.grantedAt), desc(entitlements.id))
    .limit(input.limit + 1)
  const page = rows.slice(0, input.limit)
  await recordStaffRead(
    deps.db,
    { staff: admin, subjectUserIds: page.map((row) => row.userId), action: 'admin.read_course_members', purpose: 'course_access', details: { courseId: course.id, count: page.length, search: input.search ? 'yes' : 'no' } },
    deps.clock.now(),
  )
  const last = page.at(-1)
  return {
    members: page,
    nextCursor: rows.length > input.limit && last ? last.entitlementId : null,
  }
}
