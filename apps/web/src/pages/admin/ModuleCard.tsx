import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { LessonRows } from './LessonRows.tsx'
import { ModuleRenameForm } from './ModuleRenameForm.tsx'
import { MoveButtons } from './MoveButtons.tsx'
import { NewLessonForm } from './NewLessonForm.tsx'
import type { AdminCourse, AdminModule } from './types.ts'
import { useAction } from './useAction.ts'
import { useContentRefresh } from './useContentRefresh.ts'

interface Props {
  course: AdminCourse
  module: AdminModule
  number: number
  first: boolean
  last: boolean
  moving: boolean
  onMove: (direction: -1 | 1) => void
}

export function ModuleCard({ course, module, number, first, last, moving, onMove }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useContentRefresh()
  const titleId = useId()
  const action = useAction()
  const [renaming, setRenaming] = useState(false)
  const remove = useMutation(trpc.admin.modules.delete.mutationOptions())
  const name = t('admin.modules.name', { number, title: module.title })

  const deleteModule = () => {
    if (!window.confirm(t('admin.modules.confirmDelete', { title: module.title }))) return
    void action.run('delete', async () => {
      await remove.mutateAsync({ moduleId: module.id })
      await refresh()
    })
  }

  return (
    <li className="admin-module">
      <section aria-labelledby={titleId} className="admin-module__inner">
        <div className="admin-module__head">
          <h3 id={titleId} className="admin-module__title">
            {name}
          </h3>
          <div className="admin-actions">
            <MoveButtons name={name} first={first} last={last} disabled={moving} onMove={onMove} />
            <Button variant="secondary" aria-expanded={renaming} onClick={() => setRenaming((open) => !open)}>
              {t('admin.modules.rename')}
              <span className="visually-hidden"> {name}</span>
            </Button>
            <Button variant="danger" pending={action.pending === 'delete'} onClick={deleteModule}>
              {t('admin.content.delete')}
              <span className="visually-hidden"> {name}</span>
            </Button>
          </div>
        </div>
        <FormAlert error={action.error} />
        {renaming ? <ModuleRenameForm module={module} onDone={() => setRenaming(false)} /> : null}
        <LessonRows course={course} module={module} />
        <NewLessonForm course={course} module={module} />
      </section>
    </li>
  )
}
