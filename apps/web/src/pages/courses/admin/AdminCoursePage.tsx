import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { CourseDetailsForm } from './CourseDetailsForm.tsx'
import { CoursePublishSection } from './CoursePublishSection.tsx'
import { ModulesSection } from './ModulesSection.tsx'
import { PublishedBadge } from './PublishedBadge.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { QueryState } from '../../../components/QueryState.tsx'

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
      <QueryState query={course}>
        {(data) => (
          <>
            <PageHeader eyebrow={t('admin.eyebrow')} title={data.title}>
              <p>
                <PublishedBadge published={data.published} />{' '}
                {data.published ? <Link to={`/cursus/${data.slug}`}>{t('admin.course.viewPublic')}</Link> : null}
              </p>
            </PageHeader>
            <div className="admin-page__sections">
              <CoursePublishSection course={data} />
              <CourseDetailsForm key={data.id} course={data} />
              <ModulesSection course={data} />
            </div>
          </>
        )}
      </QueryState>
    </div>
  )
}
