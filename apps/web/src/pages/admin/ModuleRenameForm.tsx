import { adminUpdateModuleInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { Form } from '../../components/Form.tsx'
import { TextField } from '../../components/TextField.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useForm } from '../../lib/useForm.ts'
import { SlugField } from './SlugField.tsx'
import type { AdminModule } from './types.ts'
import { useContentRefresh } from './useContentRefresh.ts'

export function ModuleRenameForm({ module, onDone }: { module: AdminModule; onDone: () => void }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useContentRefresh()
  const [title, setTitle] = useState(module.title)
  const [slug, setSlug] = useState(module.slug)
  const update = useMutation(trpc.admin.modules.update.mutationOptions())

  const form = useForm({
    schema: adminUpdateModuleInput,
    keyFields: { 'admin.slugTaken': 'slug' },
    onSubmit: async (input) => {
      await update.mutateAsync(input)
      await refresh()
      onDone()
    },
  })

  return (
    <Form form={form} className="form--inline" onSubmit={() => form.submit({ moduleId: module.id, title, slug })}>
      <TextField label={t('admin.fields.moduleTitle')} required maxLength={200} {...form.bind('title', title, setTitle)} />
      <SlugField {...form.bind('slug', slug, setSlug)} />
      <div className="form__actions">
        <Button type="submit" pending={form.busy} pendingLabel={t('common.saving')}>
          {t('common.save')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  )
}
