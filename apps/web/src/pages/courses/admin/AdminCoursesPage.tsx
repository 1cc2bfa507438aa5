import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { NewCourseForm } from './NewCourseForm.tsx'
import { PublishedBadge } from './PublishedBadge.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { QueryState } from '../../../components/QueryState.tsx'

/** /admin/cursussen — every course, unpublished ones too, and a form for a new one. */
export function AdminCoursesPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.courses.title'))
  const trpc = useTRPC()
  const courses = useQuery(trpc.admin.courses.list.queryOptions())

  return (
    <div className="container admin-page">
      <PageHeader eyebrow={t('admin.eyebrow')} title={t('admin.courses.title')} intro={t('admin.courses.intro')} />
      <div className="admin-page__sections">
        <AdminSection title={t('admin.courses.listTitle')}>
          <QueryState query={courses} empty={<p className="muted">{t('admin.courses.empty')}</p>}>
            {(list) => (
              <ul className="admin-list">
                {list.map((course) => (
                  <li key={course.id} className="admin-list__item">
                    <div className="admin-list__main">
                      <Link to={`/admin/cursussen/${course.slug}`} className="admin-list__title">
                        {course.title}
                      </Link>
                      <PublishedBadge published={course.published} />
                    </div>
                    <p className="muted admin-list__meta">
                      {t('admin.courses.counts', {
                        modules: course.moduleCount,
                        lessons: course.lessonCount,
                        published: course.publishedLessonCount,
                        videos: course.videoCount,
                      })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </AdminSection>
        <NewCourseForm />
      </div>
    </div>
  )
}
