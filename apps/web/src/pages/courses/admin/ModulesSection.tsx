import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { ModuleCard } from './ModuleCard.tsx'
import { NewModuleForm } from './NewModuleForm.tsx'
import { moved } from './slugify.ts'
import type { AdminCourse } from './types.ts'
import { useAction } from './useAction.ts'
import { useContentRefresh } from './useContentRefresh.ts'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'

/** The course's modules in order, each with its lessons; reorder, rename, delete and add. */
export function ModulesSection({ course }: { course: AdminCourse }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useContentRefresh()
  const action = useAction()
  const reorder = useMutation(trpc.admin.modules.reorder.mutationOptions())
  const ids = course.modules.map((module) => module.id)

  const move = (index: number, direction: -1 | 1) => {
    const next = moved(ids, index, direction)
    if (!next) return
    void action.run(`move:${ids[index]}`, async () => {
      await reorder.mutateAsync({ courseSlug: course.slug, moduleIds: next })
      await refresh()
    })
  }

  return (
    <AdminSection title={t('admin.modules.title')}>
      <FormAlert error={action.error} />
      {course.modules.length === 0 ? <p className="muted">{t('admin.modules.empty')}</p> : null}
      {course.modules.length > 0 ? (
        <ol className="admin-modules">
          {course.modules.map((module, index) => (
            <ModuleCard
              key={module.id}
              course={course}
              module={module}
              number={index + 1}
              first={index === 0}
              last={index === course.modules.length - 1}
              moving={action.pending !== null}
              onMove={(direction) => move(index, direction)}
            />
          ))}
        </ol>
      ) : null}
      <NewModuleForm courseSlug={course.slug} />
    </AdminSection>
  )
}
