import { adminMoveLessonInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form } from '../../../components/Form.tsx'
import { SelectField } from '../../../components/SelectField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import type { AdminCourse, AdminLesson } from './types.ts'
import { useContentRefresh } from './useContentRefresh.ts'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { FormActions } from '../../../components/FormActions.tsx'

/**
 * Moves the lesson to the end of another module of the same course (`admin.lessons.move`). The
 * server refuses a module that is gone or belongs to another course (`admin.moduleNotFound`), shown
 * at the select; anything else goes to the form's alert region.
 */
export function LessonMoveSection({ course, lesson }: { course: AdminCourse; lesson: AdminLesson }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useContentRefresh()
  const others = course.modules.filter((module) => module.id !== lesson.moduleId)
  const options = others.map((module) => ({
    value: module.id,
    label: t('admin.modules.name', { number: course.modules.indexOf(module) + 1, title: module.title }),
  }))
  const [chosen, setChosen] = useState('')
  // The current module drops out of the list after a move; fall back to the first other one.
  const toModuleId = options.some((option) => option.value === chosen) ? chosen : (options[0]?.value ?? '')
  const [movedTo, setMovedTo] = useState<string | null>(null)
  const move = useMutation(trpc.admin.lessons.move.mutationOptions())

  const form = useZodForm({
    schema: adminMoveLessonInput,
    // The select shows the derived choice below (the list changes after a move), so that is what is sent.
    defaultValues: { toModuleId: '' },
    toInput: () => ({
      lessonId: lesson.id,
      toModuleId,
      position: course.modules.find((module) => module.id === toModuleId)?.lessons.length ?? 0,
    }),
    keyFields: { 'admin.moduleNotFound': 'toModuleId' },
    onEdit: () => setMovedTo(null),
    onSubmit: async (input) => {
      setMovedTo(null)
      await move.mutateAsync(input)
      await refresh()
      setMovedTo(others.find((module) => module.id === input.toModuleId)?.title ?? '')
    },
  })

  return (
    <AdminSection title={t('admin.lesson.moveTitle')}>
      {options.length === 0 ? (
        <p className="muted">{t('admin.lesson.moveNoOther')}</p>
      ) : (
        <Form form={form} intro={<p className="muted">{t('admin.lesson.moveIntro')}</p>}>
          <SelectField label={t('admin.lesson.moveTarget')} options={options} {...form.field('toModuleId', { onChange: setChosen })} value={toModuleId} />
          <FormActions busy={form.busy} submitLabel={t('admin.lesson.move')} pendingLabel={t('common.saving')} />
        </Form>
      )}
      <p className="form__status" role="status">
        {movedTo !== null ? t('admin.lesson.moved', { module: movedTo }) : null}
      </p>
    </AdminSection>
  )
}
