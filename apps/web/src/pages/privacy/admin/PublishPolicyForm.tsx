import { publishPolicyInput } from '@jouwbot/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { Form } from '../../../components/Form.tsx'
import { FormActions } from '../../../components/FormActions.tsx'
import { Notice } from '../../../components/Notice.tsx'
import { TextAreaField } from '../../../components/TextAreaField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useSudo } from '../../../lib/sudo.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'

/** One change per line; empty lines are ignored. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)

/**
 * Publishes a new version of the privacy statement (Dutch and English, with a "what changed" list).
 * Every member gets a mail and a notice on their next visit. Needs sudo mode.
 */
export function PublishPolicyForm() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const withSudo = useSudo()
  const [published, setPublished] = useState<{ version: number; notified: number } | null>(null)
  const publish = useMutation(trpc.admin.privacy.publishPolicy.mutationOptions())
  const form = useZodForm({
    schema: publishPolicyInput,
    defaultValues: { titleNl: 'Privacyverklaring', titleEn: 'Privacy statement', bodyNl: '', bodyEn: '', changesNl: '', changesEn: '' },
    toInput: (values) => ({ ...values, changesNl: lines(values.changesNl), changesEn: lines(values.changesEn) }),
    onEdit: () => setPublished(null),
    onSubmit: async (input) => {
      if (!window.confirm(t('privacy.admin.publishConfirm'))) return
      setPublished(await withSudo(() => publish.mutateAsync(input)))
      await queryClient.invalidateQueries({ queryKey: trpc.privacy.policy.queryKey() })
    },
  })
  return (
    <AdminSection title={t('privacy.admin.publishTitle')}>
      {published ? (
        <Notice tone="success">
          <p>{t('privacy.admin.published', published)}</p>
        </Notice>
      ) : null}
      <p className="muted">{t('privacy.admin.publishIntro')}</p>
      <Form form={form}>
        <div className="form__row">
          <TextField label={t('privacy.admin.titleNl')} required maxLength={200} {...form.field('titleNl')} />
          <TextField label={t('privacy.admin.titleEn')} required maxLength={200} {...form.field('titleEn')} />
        </div>
        <TextAreaField label={t('privacy.admin.bodyNl')} hint={t('privacy.admin.bodyHint')} rows={12} required {...form.field('bodyNl')} />
        <TextAreaField label={t('privacy.admin.bodyEn')} hint={t('privacy.admin.bodyHint')} rows={12} required {...form.field('bodyEn')} />
        <TextAreaField label={t('privacy.admin.changesNl')} hint={t('privacy.admin.changesHint')} rows={4} required {...form.field('changesNl')} />
        <TextAreaField label={t('privacy.admin.changesEn')} hint={t('privacy.admin.changesHint')} rows={4} required {...form.field('changesEn')} />
        <FormActions busy={form.busy} submitLabel={t('privacy.admin.publish')} pendingLabel={t('privacy.admin.publishing')} />
      </Form>
    </AdminSection>
  )
}
