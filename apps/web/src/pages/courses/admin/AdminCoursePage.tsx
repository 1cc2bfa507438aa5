import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { Loading } from '../../../components/Loading.tsx'
import { QueryError } from '../../../components/QueryError.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { CourseDetailsForm } from './CourseDetailsForm.tsx'
import { CoursePublishSection } from './CoursePublishSection.tsx'
import { ModulesSection } from './ModulesSection.tsx'
import { PublishedBadge } from './PublishedBadge.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'

/** /admin/cursussen/:courseSlug — the course's details, publication and its modules and lessons. */
export function AdminCoursePage() {
  const { t } = useTranslation()
  const { courseSlug = '' } = useParams()
  const trpc = useTRPC()
  const course = useQuery(trpc.admin.courses.get.queryOptions({ courseSlug }))
  useDocumentTitle(course.data ? t('admin.course.title', { course: course.data.title }) : t('admin.courses.title'))

  return (
    <div className="container admin-page">
      <p className="admin-back">
        <Link to="/admin/cursussen">{t('admin.course.back')}</Link>
      </p>
      {course.isPending ? <Loading /> : null}
      {course.isError ? <QueryError error={course.error} onRetry={course.refetch} /> : null}
      {course.data ? (
        <>
          <PageHeader eyebrow={t('admin.eyebrow')} title={course.data.title}>
            <p>
              <PublishedBadge published={course.data.published} />{' '}
              {course.data.published ? (
                <Link to={`/cursus/${course.data.slug}`}>{t('admin.course.viewPublic')}</Link>
              ) : null}
            </p>
          </PageHeader>
          <div className="admin-page__sections">
            <CoursePublishSection course={course.data} />
            <CourseDetailsForm key={course.data.id} course={course.data} />
            <ModulesSection course={course.data} />
          </div>
        </>
      ) : null}
    </div>
  )
}
