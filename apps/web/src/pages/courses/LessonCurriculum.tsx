import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { CheckIcon, LockIcon, PlayIcon, TextIcon } from '../../components/icons.tsx'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import type { OutlineLesson } from './types.ts'
import { useSidePanelOpen } from './useSidePanelOpen.ts'

interface Props {
  courseSlug: string
  currentSlug: string
}

/**
 * The course's modules and lessons beside the video: progress, the current lesson marked (and scrolled
 * into view), completed and locked lessons. A <details>, open on wide screens and folded on narrow
 * ones (useSidePanelOpen; the summary still says where you are), its list rendered only when open.
 */
export function LessonCurriculum({ courseSlug, currentSlug }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const outline = useQuery(trpc.course.outline.queryOptions({ courseSlug }))
  const [open, setOpen] = useSidePanelOpen(outline.data !== undefined)
  const currentRef = useRef<HTMLAnchorElement>(null)

  useEffect(() => {
    // Within the list only: the page itself must not jump.
    const scroll = () => {
      const link = currentRef.current
      const list = link?.closest<HTMLElement>('.curriculum__modules')
      if (!link || !list) return
      list.scrollTop = link.offsetTop - list.offsetTop - list.clientHeight / 3
    }
    // Once the next frame is drawn, when the positions are laid out already: read in the effect
    // itself, they forced the page's first full layout into hydration's effects (a long task on a phone).
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(scroll, 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [outline.data, open])

  if (!outline.data) return null
  const { modules, progress, hasAccess } = outline.data
  const lessons = modules.flatMap((module) => module.lessons)
  const index = lessons.findIndex((lesson) => lesson.slug === currentSlug)

  return (
    <details className="card lesson-panel curriculum" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="curriculum__summary">
        <span className="lesson-panel__title">{t('curriculum.title')}</span>
        <span className="curriculum__where">
          {index >= 0 ? t('curriculum.position', { number: index + 1, total: lessons.length }) : null}
          {hasAccess ? ` · ${t('curriculum.done', { completed: progress.completed, total: progress.total })}` : null}
        </span>
      </summary>
      {open ? (
        <>
          {hasAccess ? (
            <ProgressBar
              size="small"
              percent={progress.percent}
              label={t('course.progressLabel')}
              valueText={t('course.progressValue', { completed: progress.completed, total: progress.total, percent: progress.percent })}
            />
          ) : null}
          <nav aria-label={t('curriculum.label')}>
            <ol className="curriculum__modules">
              {modules.map((module, moduleIndex) => (
                <li key={module.id} className="curriculum__module">
                  <p className="curriculum__module-title">
                    <span className="curriculum__module-number">{t('course.moduleNumber', { number: moduleIndex + 1 })}</span> {module.title}
                    {hasAccess ? (
                      <span className="curriculum__module-count">
                        {t('course.moduleProgressValue', { completed: module.completedCount, total: module.lessons.length })}
                      </span>
                    ) : null}
                  </p>
                  <ol className="curriculum__lessons">
                    {module.lessons.map((lesson) => (
                      <CurriculumLesson
                        key={lesson.id}
                        courseSlug={courseSlug}
                        lesson={lesson}
                        current={lesson.slug === currentSlug}
                        currentRef={currentRef}
                      />
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          </nav>
        </>
      ) : null}
    </details>
  )
}

function CurriculumLesson({
  courseSlug,
  lesson,
  current,
  currentRef,
}: {
  courseSlug: string
  lesson: OutlineLesson
  current: boolean
  currentRef: React.RefObject<HTMLAnchorElement | null>
}) {
  const { t } = useTranslation()
  const status = lesson.completed ? 'completed' : lesson.locked ? 'locked' : 'open'
  const icon = status === 'completed' ? <CheckIcon /> : status === 'locked' ? <LockIcon /> : lesson.hasVideo ? <PlayIcon /> : <TextIcon />
  const statusText = status === 'completed' ? t('course.lessonCompleted') : status === 'locked' ? t('course.lessonLocked') : null
  const content = (
    <>
      <span className="curriculum__icon">{icon}</span>
      <span className="curriculum__lesson-title">
        {lesson.title}
        {statusText ? <span className="visually-hidden"> ({statusText})</span> : null}
      </span>
    </>
  )
  return (
    <li className={`curriculum__lesson curriculum__lesson--${status}`}>
      {lesson.locked && !current ? (
        <span className="curriculum__item">{content}</span>
      ) : (
        <Link
          ref={current ? currentRef : undefined}
          className="curriculum__item"
          to={`/cursus/${courseSlug}/les/${lesson.slug}`}
          aria-current={current ? 'page' : undefined}
        >
          {content}
        </Link>
      )}
    </li>
  )
}
