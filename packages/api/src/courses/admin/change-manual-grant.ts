import type { UserRow } from '@jouwbot/auth'
import { courses, eq, type DbOrTx } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import { findUserByEmail } from '../../auth/users.ts'
import { type AccessGrant } from '../access.ts'
import type { AppDeps } from '../../deps.ts'

export async function courseBySlug(deps: AppDeps, slug: string) {
  const [course] = await deps.db.select({ id: courses.id, title: courses.title }).from(courses).where(eq(courses.slug, slug)).limit(1)
  if (!course) throw new AppError('NOT_FOUND', 'course.notFound')
  return course
}

/** The admin's manual grant (cause `manual`) for a member found by e-mail, changed in one transaction. */
export async function changeManualGrant<R>(
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
