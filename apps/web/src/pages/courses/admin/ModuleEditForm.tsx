import { adminUpdateModuleInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { Form } from '../../../components/Form.tsx'
import { TextAreaField } from '../../../components/TextAreaField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useForm } from '../../../lib/useForm.ts'
import { SlugField } from './SlugField.tsx'
import type { AdminModule } from './types.ts'
import { useContentRefresh } from './useContentRefresh.ts'

/** A module's title, slug and summary (the summary is shown under the module in the course outline). */
export function ModuleEditForm({ module, onSaved, onCancel }: { module: AdminModule; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useContentRefresh()
  const [title, setTitle] = useState(module.title)
  const [slug, setSlug] = useState(module.slug)
  const [summary, setSummary] = useState(module.summary)
  const update = useMutation(trpc.admin.modules.update.mutationOptions())

  const form = useForm({
    schema: adminUpdateModuleInput,
    keyFields: { 'admin.slugTaken': 'slug' },
    onSubmit: async (input) => {
      await update.mutateAsync(input)
      await refresh()
      onSaved()
    },
  })

  return (
    <Form
      form={form}
      className="admin-new"
      intro={<h4 className="admin-new__title">{t('admin.modules.editTitle')}</h4>}
      onSubmit={() => form.submit({ moduleId: module.id, title, slug, summary })}
    >
      <TextField label={t('admin.fields.moduleTitle')} required maxLength={200} {...form.bind('title', title, setTitle)} />
      <SlugField {...form.bind('slug', slug, setSlug)} />
      <TextAreaField label={t('admin.fields.summary')} rows={3} maxLength={1000} {...form.bind('summary', summary, setSummary)} />
      <div className="form__actions">
        <Button type="submit" pending={form.busy} pendingLabel={t('common.saving')}>
          {t('common.save')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  )
}
