import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import type { AdminCourse } from './types.ts'
import { useAction } from './useAction.ts'
import { useContentRefresh } from './useContentRefresh.ts'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'

/** Puts the course in the public catalogue or takes it out. */
export function CoursePublishSection({ course }: { course: AdminCourse }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useContentRefresh()
  const action = useAction()
  const setPublished = useMutation(trpc.admin.courses.setPublished.mutationOptions())

  const toggle = () =>
    action.run('publish', async () => {
      await setPublished.mutateAsync({ courseSlug: course.slug, published: !course.published })
      await refresh()
    })

  return (
    <AdminSection title={t('admin.course.publishTitle')}>
      <p className="muted">{course.published ? t('admin.course.isPublished') : t('admin.course.isDraft')}</p>
      <FormAlert error={action.error} />
      <div>
        <Button
          variant={course.published ? 'secondary' : 'primary'}
          pending={action.pending === 'publish'}
          pendingLabel={t('common.saving')}
          onClick={() => void toggle()}
        >
          {course.published ? t('admin.course.unpublish') : t('admin.course.publish')}
        </Button>
      </div>
    </AdminSection>
  )
}
