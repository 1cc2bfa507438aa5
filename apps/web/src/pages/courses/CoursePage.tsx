import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { BuyPrompt } from './BuyPrompt.tsx'
import { DutchOnlyNote } from './DutchOnlyNote.tsx'
import { useCourseTitle } from './useCourseTitle.ts'
import { Loading } from '../../components/Loading.tsx'
import { Markdown, usePreloadMarkdown } from '../../components/Markdown.tsx'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { QueryError } from '../../components/QueryError.tsx'
import { describeError } from '../../lib/errors.ts'
import { isoDuration } from '../../lib/format.ts'
import { useTRPC } from '../../lib/trpc.ts'
import type { CourseOutline } from './types.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useDuration } from '../../lib/useDuration.ts'
import { CertificateCard } from './CertificateCard.tsx'
import { CourseModules } from './CourseModules.tsx'
import { CourseProof } from './CourseProof.tsx'
import { CourseNotFound, notFoundKeys } from './CourseNotFound.tsx'
import './courses.css'

/** /cursus/:courseSlug — the outline, open to everyone; lessons are locked without access. */
export function CoursePage() {
  usePreloadMarkdown()
  const { courseSlug = '' } = useParams()
  const trpc = useTRPC()
  const outline = useQuery(trpc.course.outline.queryOptions({ courseSlug }))

  if (outline.isPending) return <Loading />
  if (outline.isError && !outline.data) {
    const key = describeError(outline.error).key
    if (notFoundKeys.has(key)) return <CourseNotFound messageKey="course.notFound" />
    return (
      <div className="container page-narrow">
        <QueryError error={outline.error} onRetry={outline.refetch} />
      </div>
    )
  }
  return <CourseOverview outline={outline.data} />
}

function CourseOverview({ outline }: { outline: CourseOutline }) {
  const { t } = useTranslation()
  const duration = useDuration()
  const aboutId = useId()
  const contentId = useId()
  const { course, hasAccess, progress, resume, modules } = outline
  const title = useCourseTitle(course) ?? course.title
  useDocumentTitle(title)
  const firstLesson = modules[0]?.lessons[0]
  const starting = progress.completed === 0 && resume?.slug === firstLesson?.slug

  return (
    <div className="container course-page">
      <nav aria-label={t('course.breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/cursussen">{t('catalog.title')}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <header className="course-head">
        <p className="eyebrow">{t('course.eyebrow')}</p>
        <h1>{title}</h1>
        <DutchOnlyNote />
        <p className="lead">{course.summary}</p>
        <p className="course-meta">
          <span>{t('course.lessonCount', { count: course.lessonCount })}</span>
          <span aria-hidden="true"> · </span>
          <span>{t('course.moduleCount', { count: modules.length })}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={isoDuration(course.durationSeconds)}>{duration(course.durationSeconds)}</time>
        </p>
      </header>

      {hasAccess ? (
        <>
          <div className="card course-progress">
            <ProgressBar
              percent={progress.percent}
              label={t('course.progressLabel')}
              valueText={t('course.progressValue', { completed: progress.completed, total: progress.total, percent: progress.percent })}
            />
            {resume ? (
              <div className="course-progress__resume">
                <Link className="btn btn--primary btn--large" to={`/cursus/${course.slug}/les/${resume.slug}`}>
                  {starting ? t('course.start') : t('course.resume')}
                </Link>
                <p className="muted">{t('course.resumeLesson', { title: resume.title })}</p>
              </div>
            ) : progress.total > 0 && progress.completed >= progress.total ? (
              <p className="course-progress__done">{t('course.allDone')}</p>
            ) : null}
            {progress.percent < 100 && progress.total > 0 ? (
              <p className="muted course-progress__certificate">
                {t('certificate.notYet', { completed: progress.completed, total: progress.total })}
              </p>
            ) : null}
          </div>
          {progress.percent === 100 ? <CertificateCard courseSlug={course.slug} /> : null}
        </>
      ) : (
        <BuyPrompt course={course} variant="course" />
      )}

      <div className="course-body">
        {hasAccess ? null : <CourseProof />}
        {course.descriptionMarkdown ? (
          <section aria-labelledby={aboutId} className="course-about">
            <h2 id={aboutId}>{t('course.about')}</h2>
            <Markdown source={course.descriptionMarkdown} className="prose" />
          </section>
        ) : null}
        <section aria-labelledby={contentId} className="course-content">
          <h2 id={contentId}>{t('course.content')}</h2>
          <CourseModules courseSlug={course.slug} modules={modules} hasAccess={hasAccess} />
        </section>
      </div>
    </div>
  )
}
