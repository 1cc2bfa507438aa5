import { adminUpdateCourseInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { Form } from '../../../components/Form.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { ContentFields } from './ContentFields.tsx'
import type { AdminCourse } from './types.ts'
import { useContentRefresh } from './useContentRefresh.ts'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { FormActions } from '../../../components/FormActions.tsx'

/** Title, slug, summary and description; a new slug moves the page to the new address. */
export function CourseDetailsForm({ course }: { course: AdminCourse }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const navigate = useNavigate()
  const refresh = useContentRefresh()
  const update = useMutation(trpc.admin.courses.update.mutationOptions())

  const form = useZodForm({
    schema: adminUpdateCourseInput,
    defaultValues: { title: course.title, slug: course.slug, summary: course.summary, descriptionMarkdown: course.descriptionMarkdown },
    toInput: (values) => ({ courseSlug: course.slug, ...values }),
    keyFields: { 'admin.slugTaken': 'slug' },
    onSubmit: async (input) => {
      const updated = await update.mutateAsync(input)
      await refresh()
      if (updated.slug !== course.slug) await navigate(`/admin/cursussen/${updated.slug}`, { replace: true })
    },
  })

  return (
    <AdminSection title={t('admin.course.detailsTitle')}>
      <Form form={form}>
        <ContentFields
          form={form}
          titleLabel={t('admin.fields.courseTitle')}
          markdown={{ field: form.field('descriptionMarkdown'), label: t('admin.fields.description'), rows: 10 }}
        />
        <FormActions busy={form.busy} submitLabel={t('common.save')} pendingLabel={t('common.saving')} status={form.saved ? t('admin.content.saved') : null} />
      </Form>
    </AdminSection>
  )
}
