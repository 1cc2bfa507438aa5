import type { UserRow } from '@jouwbot/auth'
import { and, asc, entitlements, eq, isNull, users } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'
import { recordStaffRead } from '../../privacy/record-staff-read.ts'
import { courseBySlug } from './change-manual-grant.ts'

/** Who has access now. Reading members' personal data is itself audit-logged (purpose-bound access). */
export async function listCourseMembers(deps: AppDeps, admin: UserRow, courseSlug: string) {
  const course = await courseBySlug(deps, courseSlug)
  const rows = await deps.db
    .select({
      userId: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      source: entitlements.source,
      grantedAt: entitlements.grantedAt,
    })
    .from(entitlements)
    .innerJoin(users, eq(users.id, entitlements.userId))
    .where(and(eq(entitlements.courseId, course.id), isNull(entitlements.revokedAt)))
    .orderBy(asc(users.lastName), asc(users.firstName))
  await recordStaffRead(deps.db, { staff: admin, subjectUserIds: rows.map((row) => row.userId), action: 'admin.read_course_members', purpose: 'course_access', details: { courseId: course.id, count: rows.length } }, deps.clock.now())
  return rows
}
