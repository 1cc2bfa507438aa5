import { changePasswordInput } from '@jouwbot/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { Notice } from '../../components/Notice.tsx'
import { TextField } from '../../components/TextField.tsx'
import { useSudo } from '../../lib/sudo.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useForm } from '../../lib/useForm.ts'
import { AccountSection } from './AccountSection.tsx'

const empty = { currentPassword: '', newPassword: '' }

export function PasswordSection() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const withSudo = useSudo()
  const [values, setValues] = useState(empty)
  const [changed, setChanged] = useState(false)
  const change = useMutation(trpc.auth.changePassword.mutationOptions())
  const form = useForm({
    schema: changePasswordInput,
    keyFields: { 'auth.passwordWrong': 'currentPassword', 'auth.passwordCommon': 'newPassword' },
    onSubmit: async (input) => {
      await withSudo(() => change.mutateAsync(input))
      setValues(empty)
      setChanged(true)
      // Other sessions were signed out.
      await queryClient.invalidateQueries(trpc.auth.sessions.queryFilter())
    },
  })

  function set(name: keyof typeof empty, value: string): void {
    setValues((current) => ({ ...current, [name]: value }))
    setChanged(false)
    form.clearFieldError(name)
  }

  return (
    <AccountSection id="password" title={t('password.title')} intro={t('password.intro')}>
      {changed ? (
        <Notice tone="success">
          <p>{t('password.changed')}</p>
        </Notice>
      ) : null}
      <form
        ref={form.formRef}
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          void form.submit(values)
        }}
      >
        <FormAlert error={form.error} />
        <TextField
          label={t('fields.currentPassword')}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          required
          revealable
          value={values.currentPassword}
          error={form.fieldErrors.currentPassword}
          onChange={(event) => set('currentPassword', event.target.value)}
        />
        <TextField
          label={t('fields.newPassword')}
          hint={t('fields.newPasswordHint')}
          type="password"
          name="newPassword"
          autoComplete="new-password"
          required
          revealable
          value={values.newPassword}
          error={form.fieldErrors.newPassword}
          onChange={(event) => set('newPassword', event.target.value)}
        />
        <div className="form__actions">
          <Button type="submit" pending={form.busy} pendingLabel={t('common.saving')}>
            {t('password.submit')}
          </Button>
        </div>
      </form>
    </AccountSection>
  )
}
