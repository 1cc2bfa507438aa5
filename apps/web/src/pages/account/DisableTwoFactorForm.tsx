import { disableTwoFactorInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { CurrentPasswordField } from '../../components/fields/CurrentPasswordField.tsx'
import { Form } from '../../components/Form.tsx'
import { useSudo } from '../../lib/sudo.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useForm } from '../../lib/useForm.ts'

interface Props {
  onDisabled: () => Promise<void>
  onCancel: () => void
}

export function DisableTwoFactorForm({ onDisabled, onCancel }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const withSudo = useSudo()
  const [password, setPassword] = useState('')
  const disable = useMutation(trpc.twoFactor.disable.mutationOptions())
  const form = useForm({
    schema: disableTwoFactorInput,
    keyFields: { 'auth.passwordWrong': 'password', 'auth.invalidCredentials': 'password' },
    onSubmit: async (input) => {
      await withSudo(() => disable.mutateAsync(input))
      await onDisabled()
    },
  })

  return (
    <Form
      form={form}
      onSubmit={() => form.submit({ password })}
      className="form--danger"
      intro={<p>{t('twoFactor.disableWarning')}</p>}
    >
      <CurrentPasswordField autoFocus {...form.bind('password', password, setPassword)} />
      <div className="form__actions">
        <Button type="submit" variant="danger" pending={form.busy} pendingLabel={t('common.saving')}>
          {t('twoFactor.disableConfirm')}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={form.busy}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  )
}
