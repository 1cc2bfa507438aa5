import { randomToken, type UserRow } from '@jouwbot/auth'
import { and, certificates, eq, isNotNull, lessonProgress } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { hasCourseAccess } from './access.ts'
import { findMyCertificate } from './get-my-certificate.ts'

/**
 * Issues the certificate once every published lesson is completed (exactly once per member and
 * course; asking again returns the same one). Needs access: a revoked member earns no new one.
 */
export async function claimCertificate(deps: AppDeps, viewer: UserRow, courseSlug: string) {
  const structure = await deps.courses.get(deps.db, courseSlug)
  if (!structure) throw new AppError('NOT_FOUND', 'course.notFound')
  if (!(await hasCourseAccess(deps.db, viewer, structure.id))) throw new AppError('FORBIDDEN', 'course.locked')
  const lessonIds = new Set(structure.modules.flatMap((m) => m.lessons.map((l) => l.id)))
  const done = await deps.db
    .select({ lessonId: lessonProgress.lessonId })
    .from(lessonProgress)
    .where(and(eq(lessonProgress.userId, viewer.id), eq(lessonProgress.courseId, structure.id), isNotNull(lessonProgress.completedAt)))
  const completed = done.filter((row) => lessonIds.has(row.lessonId)).length
  if (lessonIds.size === 0 || completed < lessonIds.size) throw new AppError('BAD_REQUEST', 'certificate.notEarned')

  const now = deps.clock.now()
  await deps.db
    .insert(certificates)
    .values({ userId: viewer.id, courseId: structure.id, code: randomToken(10), recipientName: `${viewer.firstName} ${viewer.lastName}`, issuedAt: now })
    .onConflictDoNothing({ target: [certificates.userId, certificates.courseId] })
  const mine = await findMyCertificate(deps, viewer, structure.id)
  return mine!
}
