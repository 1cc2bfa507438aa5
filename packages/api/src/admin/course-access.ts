import type { UserRow } from '@jouwbot/auth'
import { and, asc, courses, entitlements, eq, isNull, users, type DbOrTx } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import { findUserByEmail } from '../auth/users.ts'
import { grantCourseAccess, revokeCourseAccess, type AccessGrant } from '../courses/access.ts'
import type { AppDeps } from '../deps.ts'
import { recordAudit } from '../audit/record-audit.ts'

async function courseBySlug(deps: AppDeps, slug: string) {
  const [course] = await deps.db.select({ id: courses.id, title: courses.title }).from(courses).where(eq(courses.slug, slug)).limit(1)
  if (!course) throw new AppError('NOT_FOUND', 'course.notFound')
  return course
}

/** The admin's manual grant (cause `manual`) for a member found by e-mail, changed in one transaction. */
async function changeManualGrant<R>(
  deps: AppDeps,
  admin: UserRow,
  input: { email: string; courseSlug: string },
  change: (db: DbOrTx, grant: AccessGrant, now: Date) => Promise<R>,
): Promise<R> {
  const course = await courseBySlug(deps, input.courseSlug)
  const member = await findUserByEmail(deps.db, input.email)
  if (!member) throw new AppError('NOT_FOUND', 'admin.userNotFound')
  const now = deps.clock.now()
  const result = await deps.db.transaction((tx) =>
    change(tx, { userId: member.id, courseId: course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: admin.id }, now),
  )
  deps.viewerCourses.invalidate(member.id)
  return result
}

/** Until checkout exists, admins grant access by hand; checkout will call the same grant service. */
export function grantAccessByAdmin(deps: AppDeps, admin: UserRow, input: { email: string; courseSlug: string }) {
  return changeManualGrant(deps, admin, input, grantCourseAccess)
}

export function revokeAccessByAdmin(deps: AppDeps, admin: UserRow, input: { email: string; courseSlug: string }) {
  return changeManualGrant(deps, admin, input, revokeCourseAccess)
}

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
  await recordAudit(deps.db, { actorUserId: admin.id, subjectUserId: null, action: 'admin.read_course_members', details: { courseId: course.id, count: rows.length } }, deps.clock.now())
  return rows
}
