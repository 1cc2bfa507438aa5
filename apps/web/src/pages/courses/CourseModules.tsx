import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { CheckIcon, LockIcon, PlayIcon, TextIcon } from '../../components/icons.tsx'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { isoDuration } from '../../lib/format.ts'
import type { OutlineLesson, OutlineModule } from './types.ts'
import { useDuration } from '../../lib/useDuration.ts'

interface Props {
  courseSlug: string
  modules: OutlineModule[]
  hasAccess: boolean
}

/** The modules with their lessons: progress per module, lock, free preview and completed marks. */
export function CourseModules({ courseSlug, modules, hasAccess }: Props) {
  const { t } = useTranslation()
  const duration = useDuration()
  return (
    <ol className="modules">
      {modules.map((module, index) => {
        const seconds = module.lessons.reduce((sum, lesson) => sum + lesson.durationSeconds, 0)
        return (
          <li key={module.id} className="module card">
            <div className="module__head">
              <p className="module__number">{t('course.moduleNumber', { number: index + 1 })}</p>
              <h3 id={`module-${module.id}`} className="module__title">
                {module.title}
              </h3>
              {module.summary ? <p className="muted">{module.summary}</p> : null}
              <p className="course-meta">
                <span>{t('course.lessonCount', { count: module.lessons.length })}</span>
                <span aria-hidden="true"> · </span>
                <time dateTime={isoDuration(seconds)}>{duration(seconds)}</time>
              </p>
              {hasAccess ? (
                <ProgressBar
                  size="small"
                  percent={module.percent}
                  label={t('course.moduleProgress', { title: module.title })}
                  valueText={t('course.moduleProgressValue', { completed: module.completedCount, total: module.lessons.length })}
                />
              ) : null}
            </div>
            <ol className="lesson-list">
              {module.lessons.map((lesson) => (
                <LessonRow
                  key={lesson.id}
                  courseSlug={courseSlug}
                  lesson={lesson}
                  duration={duration(lesson.durationSeconds)}
                  showPreview={!hasAccess}
                />
              ))}
            </ol>
          </li>
        )
      })}
    </ol>
  )
}

interface RowProps {
  courseSlug: string
  lesson: OutlineLesson
  duration: string
  /** "Gratis voorbeeld" sells the course: only for visitors without access, never to a buyer. */
  showPreview: boolean
}

function LessonRow({ courseSlug, lesson, duration, showPreview }: RowProps) {
  const { t } = useTranslation()
  const status = lesson.completed ? 'completed' : lesson.locked ? 'locked' : 'open'
  const icon =
    status === 'completed' ? <CheckIcon /> : status === 'locked' ? <LockIcon /> : lesson.hasVideo ? <PlayIcon /> : <TextIcon />
  const statusText = status === 'completed' ? t('course.lessonCompleted') : status === 'locked' ? t('course.lessonLocked') : null
  const title = (
    <>
      {lesson.title}
      {statusText ? <span className="visually-hidden"> ({statusText})</span> : null}
    </>
  )
  return (
    <li className={`lesson-row lesson-row--${status}`}>
      <span className="lesson-row__icon">{icon}</span>
      <span className="lesson-row__main">
        {lesson.locked ? (
          <span className="lesson-row__title">{title}</span>
        ) : (
          <Link className="lesson-row__title" to={`/cursus/${courseSlug}/les/${lesson.slug}`}>
            {title}
          </Link>
        )}
        {showPreview && lesson.freePreview ? <span className="badge badge--brand">{t('course.freePreview')}</span> : null}
      </span>
      <time className="lesson-row__duration" dateTime={isoDuration(lesson.durationSeconds)}>
        {duration}
      </time>
    </li>
  )
}
