import { useQuery } from '@tanstack/react-query'
import { useCallback, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { FileIcon } from '../../components/icons.tsx'
import { Loading } from '../../components/Loading.tsx'
import { Markdown, usePreloadMarkdown } from '../../components/Markdown.tsx'
import { QueryError } from '../../components/QueryError.tsx'
import { describeError } from '../../lib/errors.ts'
import { isoDuration } from '../../lib/format.ts'
import { useMe } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import type { Lesson } from './types.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useDuration } from '../../lib/useDuration.ts'
import { parseVtt } from '../../lib/vtt.ts'
import { Chapters } from './Chapters.tsx'
import { CourseNotFound, notFoundKeys } from './CourseNotFound.tsx'
import { DutchOnlyNote } from './DutchOnlyNote.tsx'
import { LessonCurriculum } from './LessonCurriculum.tsx'
import { LessonStatus } from './LessonStatus.tsx'
import { useCourseTitle } from './useCourseTitle.ts'
import { LessonPlayer } from './player/LessonPlayer.tsx'
import { LockedLesson } from './LockedLesson.tsx'
import { Transcript } from './Transcript.tsx'
import './courses.css'

/** /cursus/:courseSlug/les/:lessonSlug — the player page. */
export function LessonPage() {
  usePreloadMarkdown()
  const { courseSlug = '', lessonSlug = '' } = useParams()
  const trpc = useTRPC()
  const lesson = useQuery(trpc.lesson.get.queryOptions({ courseSlug, lessonSlug }))
  const errorKey = lesson.isError ? describeError(lesson.error).key : null

  // Access can end while the page is open (a refetch for a fresh video URL then says so).
  if (errorKey === 'course.locked') return <LockedLesson courseSlug={courseSlug} lessonSlug={lessonSlug} />
  if (lesson.data) return <LessonView key={lesson.data.id} lesson={lesson.data} courseSlug={courseSlug} lessonSlug={lessonSlug} />
  if (lesson.isPending) return <Loading page />
  if (errorKey && notFoundKeys.has(errorKey)) {
    return <CourseNotFound messageKey={errorKey === 'course.notFound' ? 'course.notFound' : 'lesson.notFound'} />
  }
  return (
    <div className="container page-narrow">
      <QueryError error={lesson.error} onRetry={lesson.refetch} />
    </div>
  )
}

interface ViewProps {
  lesson: Lesson
  courseSlug: string
  lessonSlug: string
}

function LessonView({ lesson, courseSlug, lessonSlug }: ViewProps) {
  const { t } = useTranslation()
  useDocumentTitle(lesson.title)
  const { signedIn } = useMe()
  const duration = useDuration()
  const videoRef = useRef<HTMLVideoElement>(null)
  const [time, setTime] = useState(0)
  const cues = useMemo(() => (lesson.captionsVtt ? parseVtt(lesson.captionsVtt) : []), [lesson.captionsVtt])
  const aboutId = useId()
  const attachmentsId = useId()

  const seek = useCallback((seconds: number) => {
    const video = videoRef.current
    if (!video) return
    video.currentTime = seconds
    setTime(seconds)
    if (video.paused) void video.play().catch(() => undefined)
  }, [])

  const coursePath = `/cursus/${lesson.course.slug}`
  const courseTitle = useCourseTitle(lesson.course) ?? lesson.course.title
  // "Gratis voorbeeld" sells the course: not to someone who has it (the curriculum loads the outline anyway).
  const trpc = useTRPC()
  const outline = useQuery(trpc.course.outline.queryOptions({ courseSlug: lesson.course.slug }))
  const showPreviewBadge = lesson.freePreview && outline.data !== undefined && !outline.data.hasAccess
  const showMediaPanels = lesson.video !== null

  return (
    <div className="container lesson-page">
      <nav aria-label={t('course.breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/cursussen">{t('catalog.title')}</Link>
          </li>
          <li>
            <Link to={coursePath}>{courseTitle}</Link>
          </li>
          <li aria-current="page">{lesson.module.title}</li>
        </ol>
      </nav>
      <header className="lesson-head">
        <p className="eyebrow">{lesson.module.title}</p>
        <h1>{lesson.title}</h1>
        <p className="course-meta">
          <time dateTime={isoDuration(lesson.durationSeconds)}>{duration(lesson.durationSeconds)}</time>
          {showPreviewBadge ? (
            <>
              {' '}
              <span className="badge badge--brand">{t('course.freePreview')}</span>
            </>
          ) : null}
        </p>
        {lesson.summary ? <p className="lead">{lesson.summary}</p> : null}
        <DutchOnlyNote />
      </header>

      <div className="lesson-layout lesson-layout--aside">
        <div className="lesson-stage">
          {lesson.video ? (
            <LessonPlayer
              lesson={lesson}
              video={lesson.video}
              queryInput={{ courseSlug, lessonSlug }}
              canSave={signedIn}
              videoRef={videoRef}
              onTime={setTime}
            />
          ) : null}
          <LessonStatus lesson={lesson} queryInput={{ courseSlug, lessonSlug }} signedIn={signedIn} />
        </div>

        {/* Next to the video on wide screens, right under it on small ones: the course's lessons, then
            this video's chapters and transcript. */}
        <aside className="lesson-aside" aria-label={t('lesson.asideLabel')}>
          <LessonCurriculum courseSlug={lesson.course.slug} currentSlug={lesson.slug} />
          {showMediaPanels && lesson.chapters.length > 0 ? <Chapters chapters={lesson.chapters} time={time} onSeek={seek} /> : null}
          {showMediaPanels && cues.length > 0 ? <Transcript cues={cues} time={time} onSeek={seek} /> : null}
        </aside>

        <div className="lesson-content">
          {lesson.bodyMarkdown ? (
            <section aria-labelledby={aboutId} className="lesson-section">
              <h2 id={aboutId}>{t('lesson.about')}</h2>
              <Markdown source={lesson.bodyMarkdown} className="prose" />
            </section>
          ) : null}

          {lesson.attachments.length > 0 ? (
            <section aria-labelledby={attachmentsId} className="lesson-section">
              <h2 id={attachmentsId}>{t('lesson.attachments')}</h2>
              <ul className="attachments">
                {lesson.attachments.map((attachment) => (
                  <li key={attachment.fileName}>
                    <a
                      className="attachment"
                      href={`/attachments/lessons/${lesson.id}/${encodeURIComponent(attachment.fileName)}`}
                      download
                    >
                      <FileIcon />
                      <span className="attachment__title">{attachment.title}</span>
                      <span className="attachment__file">{attachment.fileName}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <nav aria-label={t('lesson.pagerLabel')} className="lesson-pager">
            {lesson.previous ? (
              <Link className="lesson-pager__link lesson-pager__link--previous" to={`${coursePath}/les/${lesson.previous.slug}`}>
                <span className="lesson-pager__dir">{t('lesson.previous')}</span>
                <span className="lesson-pager__title">{lesson.previous.title}</span>
              </Link>
            ) : (
              <span />
            )}
            {lesson.next ? (
              <Link className="lesson-pager__link lesson-pager__link--next" to={`${coursePath}/les/${lesson.next.slug}`}>
                <span className="lesson-pager__dir">{t('lesson.next')}</span>
                <span className="lesson-pager__title">{lesson.next.title}</span>
              </Link>
            ) : (
              <Link className="lesson-pager__link lesson-pager__link--next" to={coursePath}>
                <span className="lesson-pager__dir">{t('lesson.lastLesson')}</span>
                <span className="lesson-pager__title">{t('lesson.backToCourse')}</span>
              </Link>
            )}
          </nav>
        </div>
      </div>
    </div>
  )
}
