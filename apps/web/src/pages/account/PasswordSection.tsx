import { changePasswordInput } from '@jouwbot/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { CurrentPasswordField } from '../../components/fields/CurrentPasswordField.tsx'
import { NewPasswordField } from '../../components/fields/NewPasswordField.tsx'
import { Form } from '../../components/Form.tsx'
import { Notice } from '../../components/Notice.tsx'
import { useSudo } from '../../lib/sudo.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useForm } from '../../lib/useForm.ts'
import { AccountSection } from './AccountSection.tsx'

export function PasswordSection() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const withSudo = useSudo()
  const [currentPassword, setCurrentPassword] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [changed, setChanged] = useState(false)
  const change = useMutation(trpc.auth.changePassword.mutationOptions())
  const form = useForm({
    schema: changePasswordInput,
    keyFields: { 'auth.passwordWrong': 'currentPassword', 'auth.passwordCommon': 'newPassword' },
    onEdit: () => setChanged(false),
    onSubmit: async (input) => {
      await withSudo(() => change.mutateAsync(input))
      setCurrentPassword('')
      setNewPassword('')
      setChanged(true)
      // Other sessions were signed out.
      await queryClient.invalidateQueries(trpc.auth.sessions.queryFilter())
    },
  })

  return (
    <AccountSection id="password" title={t('password.title')} intro={t('password.intro')}>
      {changed ? (
        <Notice tone="success">
          <p>{t('password.changed')}</p>
        </Notice>
      ) : null}
      <Form form={form} onSubmit={() => form.submit({ currentPassword, newPassword })}>
        <CurrentPasswordField
          label={t('fields.currentPassword')}
          {...form.bind('currentPassword', currentPassword, setCurrentPassword)}
        />
        <NewPasswordField {...form.bind('newPassword', newPassword, setNewPassword)} />
        <div className="form__actions">
          <Button type="submit" pending={form.busy} pendingLabel={t('common.saving')}>
            {t('password.submit')}
          </Button>
        </div>
      </Form>
    </AccountSection>
  )
}
