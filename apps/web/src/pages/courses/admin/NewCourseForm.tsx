import { adminCreateCourseInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { Form } from '../../../components/Form.tsx'
import { TextAreaField } from '../../../components/TextAreaField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { SlugField } from './SlugField.tsx'
import { useContentRefresh } from './useContentRefresh.ts'
import { useTitleAndSlug } from './useTitleAndSlug.ts'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { FormActions } from '../../../components/FormActions.tsx'

/** A new course starts unpublished; after creating it the admin lands on its page. */
export function NewCourseForm() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const navigate = useNavigate()
  const refresh = useContentRefresh()
  const create = useMutation(trpc.admin.courses.create.mutationOptions())

  const form = useZodForm({
    schema: adminCreateCourseInput,
    defaultValues: { title: '', slug: '', summary: '' },
    toInput: (values) => ({ ...values, descriptionMarkdown: '' }),
    keyFields: { 'admin.slugTaken': 'slug' },
    onSubmit: async (input) => {
      const course = await create.mutateAsync(input)
      await refresh()
      await navigate(`/admin/cursussen/${course.slug}`)
    },
  })
  const names = useTitleAndSlug(form)

  return (
    <AdminSection title={t('admin.courses.newTitle')}>
      <Form form={form}>
        <TextField label={t('admin.fields.courseTitle')} required maxLength={200} {...names.title} />
        <SlugField {...names.slug} />
        <TextAreaField label={t('admin.fields.summary')} rows={3} maxLength={1000} {...form.field('summary')} />
        <FormActions busy={form.busy} submitLabel={t('admin.courses.create')} pendingLabel={t('common.saving')} />
      </Form>
    </AdminSection>
  )
}
