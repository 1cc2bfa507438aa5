import { type UserRow } from '@jouwbot/auth'
import { and, certificates, courses, eq } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { certificateUrl } from './certificate-url.ts'

export async function findMyCertificate(deps: AppDeps, viewer: UserRow, courseId: string) {
  const [row] = await deps.db
    .select({ code: certificates.code, issuedAt: certificates.issuedAt })
    .from(certificates)
    .where(and(eq(certificates.userId, viewer.id), eq(certificates.courseId, courseId)))
  return row ? { ...row, url: certificateUrl(deps.appOrigin, row.code) } : null
}

export async function myCertificate(deps: AppDeps, viewer: UserRow, courseSlug: string) {
  const [course] = await deps.db.select({ id: courses.id }).from(courses).where(eq(courses.slug, courseSlug))
  return course ? findMyCertificate(deps, viewer, course.id) : null
}
