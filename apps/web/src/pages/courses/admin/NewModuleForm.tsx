import { adminCreateModuleInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { Form } from '../../../components/Form.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useForm } from '../../../lib/useForm.ts'
import { SlugField } from './SlugField.tsx'
import { useContentRefresh } from './useContentRefresh.ts'
import { useTitleAndSlug } from './useTitleAndSlug.ts'

export function NewModuleForm({ courseSlug }: { courseSlug: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useContentRefresh()
  const names = useTitleAndSlug()
  const create = useMutation(trpc.admin.modules.create.mutationOptions())

  const form = useForm({
    schema: adminCreateModuleInput,
    keyFields: { 'admin.slugTaken': 'slug' },
    onSubmit: async (input) => {
      await create.mutateAsync(input)
      await refresh()
      names.clear()
    },
  })

  return (
    <Form
      form={form}
      className="form--inline admin-new"
      intro={<h3 className="admin-new__title">{t('admin.modules.newTitle')}</h3>}
      onSubmit={() => form.submit({ courseSlug, title: names.title, slug: names.slug, summary: '' })}
    >
      <TextField label={t('admin.fields.moduleTitle')} required maxLength={200} {...form.bind('title', names.title, names.setTitle)} />
      <SlugField {...form.bind('slug', names.slug, names.setSlug)} />
      <div className="form__actions">
        <Button type="submit" pending={form.busy} pendingLabel={t('common.saving')}>
          {t('admin.modules.create')}
        </Button>
      </div>
    </Form>
  )
}
