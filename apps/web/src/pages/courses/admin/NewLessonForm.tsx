import { adminCreateLessonInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { Button } from '../../../components/Button.tsx'
import { Form } from '../../../components/Form.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { SlugField } from './SlugField.tsx'
import type { AdminCourse, AdminModule } from './types.ts'
import { useContentRefresh } from './useContentRefresh.ts'
import { useTitleAndSlug } from './useTitleAndSlug.ts'

/** "Les toevoegen" opens a short form; a new lesson is unpublished and opens in the lesson form. */
export function NewLessonForm({ course, module }: { course: AdminCourse; module: AdminModule }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const navigate = useNavigate()
  const refresh = useContentRefresh()
  const [open, setOpen] = useState(false)
  const create = useMutation(trpc.admin.lessons.create.mutationOptions())

  const form = useZodForm({
    schema: adminCreateLessonInput,
    defaultValues: { title: '', slug: '' },
    toInput: (values) => ({ moduleId: module.id, ...values }),
    keyFields: { 'admin.slugTaken': 'slug' },
    onSubmit: async (input) => {
      const lesson = await create.mutateAsync(input)
      await refresh()
      await navigate(`/admin/cursussen/${course.slug}/les/${lesson.id}`)
    },
  })
  const names = useTitleAndSlug(form)

  if (!open) {
    return (
      <div>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('admin.lessons.add')}
          <span className="visually-hidden"> {t('admin.lessons.toModule', { title: module.title })}</span>
        </Button>
      </div>
    )
  }
  return (
    <Form
      form={form}
      className="form--inline admin-new"
      intro={<h4 className="admin-new__title">{t('admin.lessons.newTitle')}</h4>}
    >
      <TextField label={t('admin.fields.lessonTitle')} required maxLength={200} {...names.title} />
      <SlugField {...names.slug} />
      <div className="form__actions">
        <Button type="submit" pending={form.busy} pendingLabel={t('common.saving')}>
          {t('admin.lessons.create')}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  )
}
