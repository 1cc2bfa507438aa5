import { adminCreateLessonInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { Button } from '../../../components/Button.tsx'
import { Form } from '../../../components/Form.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useForm } from '../../../lib/useForm.ts'
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
  const names = useTitleAndSlug()
  const [open, setOpen] = useState(false)
  const create = useMutation(trpc.admin.lessons.create.mutationOptions())

  const form = useForm({
    schema: adminCreateLessonInput,
    keyFields: { 'admin.slugTaken': 'slug' },
    onSubmit: async (input) => {
      const lesson = await create.mutateAsync(input)
      await refresh()
      await navigate(`/admin/cursussen/${course.slug}/les/${lesson.id}`)
    },
  })

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
      onSubmit={() => form.submit({ moduleId: module.id, title: names.title, slug: names.slug })}
    >
      <TextField label={t('admin.fields.lessonTitle')} required maxLength={200} {...form.bind('title', names.title, names.setTitle)} />
      <SlugField {...form.bind('slug', names.slug, names.setSlug)} />
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
