import { useMutation } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { LessonRows } from './LessonRows.tsx'
import { ModuleEditForm } from './ModuleEditForm.tsx'
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
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)
  const actionsRef = useRef<HTMLDivElement>(null)
  const remove = useMutation(trpc.admin.modules.delete.mutationOptions())
  const name = t('admin.modules.name', { number, title: module.title })

  /** Closes the edit form; focus goes back to the button that opened it (the form is gone). */
  const closeEditor = (wasSaved: boolean) => {
    setEditing(false)
    setSaved(wasSaved)
    actionsRef.current?.querySelector<HTMLElement>('[data-module-edit]')?.focus()
  }

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
          <div className="admin-actions" ref={actionsRef}>
            <MoveButtons name={name} first={first} last={last} disabled={moving} onMove={onMove} />
            <Button
              variant="secondary"
              data-module-edit=""
              aria-expanded={editing}
              onClick={() => {
                setSaved(false)
                setEditing((open) => !open)
              }}
            >
              {t('admin.modules.edit')}
              <span className="visually-hidden"> {name}</span>
            </Button>
            <Button variant="danger" pending={action.pending === 'delete'} onClick={deleteModule}>
              {t('admin.content.delete')}
              <span className="visually-hidden"> {name}</span>
            </Button>
          </div>
        </div>
        {module.summary ? <p className="muted admin-module__summary">{module.summary}</p> : null}
        <FormAlert error={action.error} />
        <p className="form__status" role="status">
          {saved ? t('admin.modules.saved') : null}
        </p>
        {editing ? <ModuleEditForm module={module} onSaved={() => closeEditor(true)} onCancel={() => closeEditor(false)} /> : null}
        <LessonRows course={course} module={module} />
        <NewLessonForm course={course} module={module} />
      </section>
    </li>
  )
}
