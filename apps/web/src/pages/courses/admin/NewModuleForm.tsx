import { adminCreateModuleInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Form } from '../../../components/Form.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { SlugField } from './SlugField.tsx'
import { useContentRefresh } from './useContentRefresh.ts'
import { useTitleAndSlug } from './useTitleAndSlug.ts'
import { FormActions } from '../../../components/FormActions.tsx'

export function NewModuleForm({ courseSlug }: { courseSlug: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useContentRefresh()
  const create = useMutation(trpc.admin.modules.create.mutationOptions())

  const form = useZodForm({
    schema: adminCreateModuleInput,
    defaultValues: { title: '', slug: '' },
    toInput: (values) => ({ courseSlug, ...values, summary: '' }),
    keyFields: { 'admin.slugTaken': 'slug' },
    onSubmit: async (input) => {
      await create.mutateAsync(input)
      await refresh()
      form.methods.reset()
      names.clear()
    },
  })
  const names = useTitleAndSlug(form)

  return (
    <Form
      form={form}
      className="form--inline admin-new"
      intro={<h3 className="admin-new__title">{t('admin.modules.newTitle')}</h3>}
    >
      <TextField label={t('admin.fields.moduleTitle')} required maxLength={200} {...names.title} />
      <SlugField {...names.slug} />
      <FormActions busy={form.busy} submitLabel={t('admin.modules.create')} pendingLabel={t('common.saving')} />
    </Form>
  )
}
