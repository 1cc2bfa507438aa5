import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { Button } from '../../../components/Button.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import type { AdminLesson } from './types.ts'
import { useAction } from './useAction.ts'
import { useContentRefresh } from './useContentRefresh.ts'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'

/** Deleting is for unpublished lessons only (the server refuses with `admin.lessonPublished`). */
export function LessonDeleteSection({ courseSlug, lesson }: { courseSlug: string; lesson: AdminLesson }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const navigate = useNavigate()
  const refresh = useContentRefresh()
  const action = useAction()
  const remove = useMutation(trpc.admin.lessons.delete.mutationOptions())

  const deleteLesson = () => {
    if (!window.confirm(t('admin.lesson.confirmDelete', { title: lesson.title }))) return
    void action.run('delete', async () => {
      await remove.mutateAsync({ lessonId: lesson.id })
      await navigate(`/admin/cursussen/${courseSlug}`, { replace: true })
      await refresh()
    })
  }

  return (
    <AdminSection title={t('admin.lesson.deleteTitle')}>
      <p className="muted">{lesson.published ? t('admin.lesson.deletePublished') : t('admin.lesson.deleteIntro')}</p>
      <FormAlert error={action.error} />
      <div>
        <Button variant="danger" disabled={lesson.published} pending={action.pending === 'delete'} onClick={deleteLesson}>
          {t('admin.lesson.delete')}
        </Button>
      </div>
    </AdminSection>
  )
}
