import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Loading } from '../../../components/Loading.tsx'
import { QueryError } from '../../../components/QueryError.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { NewCourseForm } from './NewCourseForm.tsx'
import { PublishedBadge } from './PublishedBadge.tsx'

/** /admin/cursussen — every course, unpublished ones too, and a form for a new one. */
export function AdminCoursesPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.courses.title'))
  const trpc = useTRPC()
  const courses = useQuery(trpc.admin.courses.list.queryOptions())
  const listId = useId()

  return (
    <div className="container admin-page">
      <header className="page-head">
        <p className="eyebrow">{t('admin.eyebrow')}</p>
        <h1>{t('admin.courses.title')}</h1>
        <p className="muted">{t('admin.courses.intro')}</p>
      </header>
      <div className="admin-page__sections">
        <section className="card admin-section" aria-labelledby={listId}>
          <h2 id={listId} className="admin-section__title">
            {t('admin.courses.listTitle')}
          </h2>
          {courses.isPending ? <Loading /> : null}
          {courses.isError ? <QueryError error={courses.error} onRetry={courses.refetch} /> : null}
          {courses.data?.length === 0 ? <p className="muted">{t('admin.courses.empty')}</p> : null}
          {courses.data && courses.data.length > 0 ? (
            <ul className="admin-list">
              {courses.data.map((course) => (
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
          ) : null}
        </section>
        <NewCourseForm />
      </div>
    </div>
  )
}
