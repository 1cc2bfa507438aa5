import { adminUpdateCourseInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { Button } from '../../../components/Button.tsx'
import { Form } from '../../../components/Form.tsx'
import { TextAreaField } from '../../../components/TextAreaField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { SlugField } from './SlugField.tsx'
import type { AdminCourse } from './types.ts'
import { useContentRefresh } from './useContentRefresh.ts'

/** Title, slug, summary and description; a new slug moves the page to the new address. */
export function CourseDetailsForm({ course }: { course: AdminCourse }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const navigate = useNavigate()
  const refresh = useContentRefresh()
  const titleId = useId()
  const [saved, setSaved] = useState(false)
  const update = useMutation(trpc.admin.courses.update.mutationOptions())

  const form = useZodForm({
    schema: adminUpdateCourseInput,
    defaultValues: { title: course.title, slug: course.slug, summary: course.summary, descriptionMarkdown: course.descriptionMarkdown },
    toInput: (values) => ({ courseSlug: course.slug, ...values }),
    keyFields: { 'admin.slugTaken': 'slug' },
    onEdit: () => setSaved(false),
    onSubmit: async (input) => {
      const updated = await update.mutateAsync(input)
      await refresh()
      setSaved(true)
      if (updated.slug !== course.slug) await navigate(`/admin/cursussen/${updated.slug}`, { replace: true })
    },
  })

  return (
    <section className="card admin-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="admin-section__title">
        {t('admin.course.detailsTitle')}
      </h2>
      <Form form={form}>
        <TextField label={t('admin.fields.courseTitle')} required maxLength={200} {...form.field('title')} />
        <SlugField {...form.field('slug')} />
        <TextAreaField label={t('admin.fields.summary')} rows={3} maxLength={1000} {...form.field('summary')} />
        <TextAreaField
          label={t('admin.fields.description')}
          hint={t('admin.fields.markdownHint')}
          rows={10}
          className="textarea--code"
          {...form.field('descriptionMarkdown')}
        />
        <p className="form__status" role="status">
          {saved ? t('admin.content.saved') : null}
        </p>
        <div className="form__actions">
          <Button type="submit" pending={form.busy} pendingLabel={t('common.saving')}>
            {t('common.save')}
          </Button>
        </div>
      </Form>
    </section>
  )
}
