import { disableTwoFactorInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { CurrentPasswordField } from '../../components/fields/CurrentPasswordField.tsx'
import { Form } from '../../components/Form.tsx'
import { useSudo } from '../../lib/sudo.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useZodForm } from '../../lib/useZodForm.ts'
import { FormActions } from '../../components/FormActions.tsx'

interface Props {
  onDisabled: () => Promise<void>
  onCancel: () => void
}

export function DisableTwoFactorForm({ onDisabled, onCancel }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const withSudo = useSudo()
  const disable = useMutation(trpc.twoFactor.disable.mutationOptions())
  const form = useZodForm({
    schema: disableTwoFactorInput,
    defaultValues: { password: '' },
    keyFields: { 'auth.passwordWrong': 'password', 'auth.invalidCredentials': 'password' },
    onSubmit: async (input) => {
      await withSudo(() => disable.mutateAsync(input))
      await onDisabled()
    },
  })

  return (
    <Form
      form={form}
      className="form--danger"
      intro={<p>{t('twoFactor.disableWarning')}</p>}
    >
      <CurrentPasswordField autoFocus {...form.field('password')} />
      <FormActions busy={form.busy} submitLabel={t('twoFactor.disableConfirm')} pendingLabel={t('common.saving')} variant="danger" onCancel={onCancel} />
    </Form>
  )
}
