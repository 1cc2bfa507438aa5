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
import { useForm } from '../../../lib/useForm.ts'
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
  const [title, setTitle] = useState(course.title)
  const [slug, setSlug] = useState(course.slug)
  const [summary, setSummary] = useState(course.summary)
  const [description, setDescription] = useState(course.descriptionMarkdown)
  const [saved, setSaved] = useState(false)
  const update = useMutation(trpc.admin.courses.update.mutationOptions())

  const form = useForm({
    schema: adminUpdateCourseInput,
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
      <Form
        form={form}
        onSubmit={() =>
          form.submit({ courseSlug: course.slug, title, slug, summary, descriptionMarkdown: description })
        }
      >
        <TextField label={t('admin.fields.courseTitle')} required maxLength={200} {...form.bind('title', title, setTitle)} />
        <SlugField {...form.bind('slug', slug, setSlug)} />
        <TextAreaField label={t('admin.fields.summary')} rows={3} maxLength={1000} {...form.bind('summary', summary, setSummary)} />
        <TextAreaField
          label={t('admin.fields.description')}
          hint={t('admin.fields.markdownHint')}
          rows={10}
          className="textarea--code"
          {...form.bind('descriptionMarkdown', description, setDescription)}
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
