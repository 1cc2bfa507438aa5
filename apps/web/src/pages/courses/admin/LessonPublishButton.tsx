import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { ErrorText } from '../../../components/ErrorText.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import type { AdminLesson } from './types.ts'
import { useAction } from './useAction.ts'
import { useContentRefresh } from './useContentRefresh.ts'

/** Publishes or unpublishes one lesson; the button name includes the lesson title. */
export function LessonPublishButton({ lesson }: { lesson: Pick<AdminLesson, 'id' | 'title' | 'published'> }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useContentRefresh()
  const action = useAction()
  const setPublished = useMutation(trpc.admin.lessons.setPublished.mutationOptions())

  const toggle = () =>
    void action.run('publish', async () => {
      await setPublished.mutateAsync({ lessonId: lesson.id, published: !lesson.published })
      await refresh()
    })

  return (
    <>
      <Button
        variant={lesson.published ? 'secondary' : 'primary'}
        pending={action.pending === 'publish'}
        pendingLabel={t('common.saving')}
        onClick={toggle}
      >
        {lesson.published ? t('admin.lessons.unpublish') : t('admin.lessons.publish')}
        <span className="visually-hidden"> {lesson.title}</span>
      </Button>
      {action.error ? (
        <span className="field__error" role="alert">
          <ErrorText error={action.error} />
        </span>
      ) : null}
    </>
  )
}
