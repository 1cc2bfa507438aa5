import { certificates, courses, eq } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { certificateUrl } from './certificate-url.ts'

/** Public: anyone holding the code may check it. Shows only what is printed on the certificate. */
export async function verifyCertificate(deps: Pick<AppDeps, 'db' | 'appOrigin'>, code: string) {
  const [row] = await deps.db
    .select({ code: certificates.code, recipientName: certificates.recipientName, issuedAt: certificates.issuedAt, courseTitle: courses.title, courseSlug: courses.slug })
    .from(certificates)
    .innerJoin(courses, eq(courses.id, certificates.courseId))
    .where(eq(certificates.code, code))
  if (!row) throw new AppError('NOT_FOUND', 'certificate.notFound')
  return { ...row, url: certificateUrl(deps.appOrigin, row.code) }
}
