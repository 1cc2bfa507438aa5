import { disableTwoFactorInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { TextField } from '../../components/TextField.tsx'
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
    <form
      ref={form.formRef}
      noValidate
      className="form form--danger"
      onSubmit={(event) => {
        event.preventDefault()
        void form.submit({ password })
      }}
    >
      <p>{t('twoFactor.disableWarning')}</p>
      <FormAlert error={form.error} />
      <TextField
        label={t('fields.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        revealable
        autoFocus
        value={password}
        error={form.fieldErrors.password}
        onChange={(event) => {
          setPassword(event.target.value)
          form.clearFieldError('password')
        }}
      />
      <div className="form__actions">
        <Button type="submit" variant="danger" pending={form.busy} pendingLabel={t('common.saving')}>
          {t('twoFactor.disableConfirm')}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={form.busy}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  )
}
