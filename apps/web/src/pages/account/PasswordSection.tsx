import { changePasswordInput } from '@jouwbot/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { CurrentPasswordField } from '../../components/fields/CurrentPasswordField.tsx'
import { NewPasswordField } from '../../components/fields/NewPasswordField.tsx'
import { Form } from '../../components/Form.tsx'
import { Notice } from '../../components/Notice.tsx'
import { useSudo } from '../../lib/sudo.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useZodForm } from '../../lib/useZodForm.ts'
import { AccountSection } from './AccountSection.tsx'
import { FormActions } from '../../components/FormActions.tsx'

export function PasswordSection() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const withSudo = useSudo()
  const change = useMutation(trpc.auth.changePassword.mutationOptions())
  const form = useZodForm({
    schema: changePasswordInput,
    defaultValues: { currentPassword: '', newPassword: '' },
    keyFields: { 'auth.passwordWrong': 'currentPassword', 'auth.passwordCommon': 'newPassword' },
    onSubmit: async (input) => {
      await withSudo(() => change.mutateAsync(input))
      form.methods.setValue('currentPassword', '')
      form.methods.setValue('newPassword', '')
      // Other sessions were signed out.
      await queryClient.invalidateQueries(trpc.auth.sessions.queryFilter())
    },
  })

  return (
    <AccountSection id="password" title={t('password.title')} intro={t('password.intro')}>
      {form.saved ? (
        <Notice tone="success">
          <p>{t('password.changed')}</p>
        </Notice>
      ) : null}
      <Form form={form}>
        <CurrentPasswordField
          label={t('fields.currentPassword')}
          {...form.field('currentPassword')}
        />
        <NewPasswordField {...form.field('newPassword')} />
        <FormActions busy={form.busy} submitLabel={t('password.submit')} pendingLabel={t('common.saving')} />
      </Form>
    </AccountSection>
  )
}
