import { useQueries, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Loading } from '../../components/Loading.tsx'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { QueryError } from '../../components/QueryError.tsx'
import { useMe } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import type { CourseOutline } from './types.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { useCourseTitle } from './useCourseTitle.ts'
import './courses.css'

/** /dashboard — "Mijn cursussen": every course this member can follow, with progress. */
export function DashboardPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('dashboard.title'))
  const { me } = useMe()
  const trpc = useTRPC()
  const courses = useQuery(trpc.course.list.queryOptions())
  const outlines = useQueries({
    queries: (courses.data ?? []).map((course) => trpc.course.outline.queryOptions({ courseSlug: course.slug })),
  })

  const failed = courses.error ?? outlines.find((query) => query.isError)?.error
  const pending = courses.isPending || outlines.some((query) => query.isPending)
  const mine = outlines.flatMap((query) => (query.data?.hasAccess ? [query.data] : []))

  let body
  if (failed) {
    body = (
      <QueryError
        error={failed}
        onRetry={() => Promise.all([courses.refetch(), ...outlines.map((query) => query.refetch())])}
      />
    )
  } else if (pending) {
    body = <Loading />
  } else if (mine.length === 0) {
    body = (
      <EmptyState title={t('dashboard.emptyTitle')} text={t('dashboard.emptyText')} to="/cursussen" action={t('dashboard.browse')} />
    )
  } else {
    body = (
      <ul className="course-cards course-cards--dashboard">
        {mine.map((outline) => (
          <li key={outline.course.id}>
            <DashboardCourse outline={outline} />
          </li>
        ))}
      </ul>
    )
  }

  return (
    <div className="container dashboard">
      <PageHeader
        eyebrow={t('dashboard.eyebrow')}
        title={t('dashboard.title')}
        intro={me ? t('dashboard.intro', { name: me.firstName }) : null}
      />
      {body}
    </div>
  )
}

function DashboardCourse({ outline }: { outline: CourseOutline }) {
  const { t } = useTranslation()
  const { course, progress, resume } = outline
  const title = useCourseTitle(course) ?? course.title
  const titleId = `dashboard-${course.id}`
  return (
    <article className="card card--raised course-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="course-card__title">
        {title}
      </h2>
      <ProgressBar
        percent={progress.percent}
        label={t('course.progressLabel')}
        valueText={t('course.progressValue', { completed: progress.completed, total: progress.total, percent: progress.percent })}
      />
      {resume ? <p className="muted">{t('dashboard.next', { title: resume.title })}</p> : <p>{t('course.allDone')}</p>}
      <div className="button-row">
        {resume ? (
          <Link className="btn btn--primary" to={`/cursus/${course.slug}/les/${resume.slug}`}>
            {t('dashboard.resume')}
            <span className="visually-hidden">: {title}</span>
          </Link>
        ) : null}
        <Link className={resume ? 'btn btn--secondary' : 'btn btn--primary'} to={`/cursus/${course.slug}`}>
          {t('dashboard.outline')}
          <span className="visually-hidden">: {title}</span>
        </Link>
      </div>
    </article>
  )
}
