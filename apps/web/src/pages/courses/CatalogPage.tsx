import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isoDuration } from '../../lib/format.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useDuration } from '../../lib/useDuration.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import './courses.css'

/** /cursussen: every published course. */
export function CatalogPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('catalog.title'))
  const trpc = useTRPC()
  const duration = useDuration()
  const courses = useQuery(trpc.course.list.queryOptions())

  return (
    <div className="container course-catalog">
      <PageHeader eyebrow={t('catalog.eyebrow')} title={t('catalog.title')} intro={t('catalog.intro')} lead />
      <QueryState query={courses} empty={<p className="empty-state--small">{t('catalog.empty')}</p>}>
        {(list) => (
          <ul className="course-cards">
            {list.map((course) => (
              <li key={course.id}>
                <article className="card card--raised course-card" aria-labelledby={`course-${course.id}`}>
                  <h2 id={`course-${course.id}`} className="course-card__title">
                    {course.title}
                  </h2>
                  <p className="course-meta">
                    <span>{t('course.lessonCount', { count: course.lessonCount })}</span>
                    <span aria-hidden="true"> · </span>
                    <time dateTime={isoDuration(course.durationSeconds)}>{duration(course.durationSeconds)}</time>
                  </p>
                  <p className="course-card__summary">{course.summary}</p>
                  <Link className="btn btn--primary" to={`/cursus/${course.slug}`}>
                    {t('catalog.view')}
                    <span className="visually-hidden">: {course.title}</span>
                  </Link>
                </article>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  )
}
