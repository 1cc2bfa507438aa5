import { adminUpdateModuleInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { Form } from '../../../components/Form.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { ContentFields } from './ContentFields.tsx'
import type { AdminModule } from './types.ts'
import { useContentRefresh } from './useContentRefresh.ts'

/** A module's title, slug and summary (the summary is shown under the module in the course outline). */
export function ModuleEditForm({ module, onSaved, onCancel }: { module: AdminModule; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useContentRefresh()
  const update = useMutation(trpc.admin.modules.update.mutationOptions())

  const form = useZodForm({
    schema: adminUpdateModuleInput,
    defaultValues: { title: module.title, slug: module.slug, summary: module.summary },
    toInput: (values) => ({ moduleId: module.id, ...values }),
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
    >
      <ContentFields form={form} titleLabel={t('admin.fields.moduleTitle')} />
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
