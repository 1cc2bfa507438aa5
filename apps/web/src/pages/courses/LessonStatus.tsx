import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { ErrorText } from '../../components/ErrorText.tsx'
import { CheckIcon } from '../../components/icons.tsx'
import { describeError } from '../../lib/errors.ts'
import { useTRPC } from '../../lib/trpc.ts'
import type { Lesson } from './types.ts'

interface Props {
  lesson: Lesson
  queryInput: { courseSlug: string; lessonSlug: string }
  signedIn: boolean
}

/**
 * Completed badge; for a text lesson the "mark as completed" button (a video lesson completes by
 * being watched); for visitors who are not logged in a hint that progress needs an account.
 */
export function LessonStatus({ lesson, queryInput, signedIn }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const location = useLocation()
  const markComplete = useMutation(
    trpc.lesson.markComplete.mutationOptions({
      onSuccess: async (progress) => {
        queryClient.setQueryData(trpc.lesson.get.queryKey(queryInput), (old) => (old ? { ...old, progress } : old))
        await queryClient.invalidateQueries(trpc.course.outline.pathFilter())
      },
    }),
  )

  if (!signedIn) {
    const next = encodeURIComponent(location.pathname)
    return (
      <p className="lesson-status lesson-status--guest">
        {t('lesson.guestProgress')} <Link to={`/login?next=${next}`}>{t('nav.logIn')}</Link>
      </p>
    )
  }

  const { completed } = lesson.progress
  return (
    <div className="lesson-status">
      <p className="lesson-status__done" role="status">
        {completed ? (
          <>
            <CheckIcon className="lesson-status__icon" />
            {t('lesson.completed')}
          </>
        ) : null}
      </p>
      {!completed && lesson.video === null ? (
        <div className="lesson-status__text">
          <Button pending={markComplete.isPending} pendingLabel={t('common.saving')} onClick={() => markComplete.mutate({ lessonId: lesson.id })}>
            {t('lesson.markComplete')}
          </Button>
          {markComplete.isError ? (
            <p className="field__error" role="alert">
              <ErrorText error={describeError(markComplete.error)} />
            </p>
          ) : null}
        </div>
      ) : null}
      {!completed && lesson.video !== null ? <p className="muted">{t('lesson.completeHint')}</p> : null}
    </div>
  )
}
