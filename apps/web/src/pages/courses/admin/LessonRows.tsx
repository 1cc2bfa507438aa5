import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDuration } from '../../../lib/useDuration.ts'
import { LessonPublishButton } from './LessonPublishButton.tsx'
import { MoveButtons } from './MoveButtons.tsx'
import { PublishedBadge } from './PublishedBadge.tsx'
import { moved } from './slugify.ts'
import type { AdminCourse, AdminModule } from './types.ts'
import { useAction } from './useAction.ts'
import { useContentRefresh } from './useContentRefresh.ts'

/** A module's lessons in order: ↑/↓, status, publish toggle and a link to the lesson form. */
export function LessonRows({ course, module }: { course: AdminCourse; module: AdminModule }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useContentRefresh()
  const duration = useDuration()
  const action = useAction()
  const reorder = useMutation(trpc.admin.lessons.reorder.mutationOptions())
  const ids = module.lessons.map((lesson) => lesson.id)

  const move = (index: number, direction: -1 | 1) => {
    const next = moved(ids, index, direction)
    if (!next) return
    void action.run(`move:${ids[index]}`, async () => {
      await reorder.mutateAsync({ moduleId: module.id, lessonIds: next })
      await refresh()
    })
  }

  if (module.lessons.length === 0) return <p className="muted">{t('admin.lessons.empty')}</p>
  return (
    <>
      <FormAlert error={action.error} />
      <ol className="admin-lessons">
        {module.lessons.map((lesson, index) => (
          <li key={lesson.id} className="admin-lesson">
            <div className="admin-lesson__main">
              <span className="admin-lesson__title">{lesson.title}</span>
              <PublishedBadge published={lesson.published} />
              {lesson.freePreview ? <span className="badge badge--brand">{t('admin.lessons.freePreview')}</span> : null}
              <span className="muted admin-lesson__meta">
                {lesson.videoKey ? duration(lesson.durationSeconds) : t('admin.lessons.noVideo')}
              </span>
            </div>
            <div className="admin-actions">
              <MoveButtons
                name={lesson.title}
                first={index === 0}
                last={index === module.lessons.length - 1}
                disabled={action.pending !== null}
                onMove={(direction) => move(index, direction)}
              />
              <LessonPublishButton lesson={lesson} />
              <Link className="btn btn--secondary" to={`/admin/cursussen/${course.slug}/les/${lesson.id}`}>
                {t('admin.lessons.edit')}
                <span className="visually-hidden"> {lesson.title}</span>
              </Link>
            </div>
          </li>
        ))}
      </ol>
    </>
  )
}
