import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { QueryState } from '../../../components/QueryState.tsx'
import { useTRPC } from '../../../lib/trpc.ts'

/** One member's progress lesson by lesson; loading it writes an audit row (purpose-bound, server side). */
export function MemberProgress({ memberId }: { memberId: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  // Not cached across openings: each view is a new, audited read.
  const progress = useQuery({ ...trpc.coaching.memberProgress.queryOptions({ memberId }), staleTime: 0, gcTime: 0 })
  return (
    <div>
      <p className="muted">{t('coachPages.progressAudited')}</p>
      <QueryState query={progress}>
        {(data) =>
          data.lessons.length === 0 ? (
            <p>{t('coachPages.noProgress')}</p>
          ) : (
            <ul className="progress-list">
              {data.lessons.map((lesson) => (
                <li key={lesson.lessonId}>
                  {t('coachPages.lessonLine', { course: lesson.courseTitle, module: lesson.moduleTitle, title: lesson.title, minutes: Math.round(lesson.watchedSeconds / 60) })}
                  {lesson.completed ? <> · <span className="badge badge--success">{t('coachPages.completed')}</span></> : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  )
}
