import { logInInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Button } from '../../../components/Button.tsx'
import { CurrentPasswordField } from '../../../components/fields/CurrentPasswordField.tsx'
import { EmailField } from '../../../components/fields/EmailField.tsx'
import { Form } from '../../../components/Form.tsx'
import { ResendVerification } from '../ResendVerification.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'

interface Props {
  onTotpRequired: () => void
  onLoggedIn: () => Promise<void>
}

export function PasswordStep({ onTotpRequired, onLoggedIn }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const logIn = useMutation(trpc.auth.logIn.mutationOptions())
  const form = useZodForm({
    schema: logInInput,
    defaultValues: { email: '', password: '' },
    onSubmit: async (input) => {
      const result = await logIn.mutateAsync(input)
      if (result.status === 'totp_required') onTotpRequired()
      else await onLoggedIn()
    },
  })
  const email = form.methods.watch('email')

  return (
    <Form
      form={form}
      alertExtra={form.error?.key === 'auth.emailNotVerified' ? <ResendVerification email={email} /> : null}
    >
      <EmailField autoComplete="username" {...form.field('email')} />
      <CurrentPasswordField {...form.field('password')} />
      <p className="form__aside">
        <Link to="/forgot-password">{t('logIn.forgot')}</Link>
      </p>
      <Button type="submit" block pending={form.busy} pendingLabel={t('logIn.submitting')}>
        {t('logIn.submit')}
      </Button>
      <p className="form__switch">
        {t('logIn.noAccount')} <Link to="/signup">{t('logIn.signUpLink')}</Link>
      </p>
    </Form>
  )
}
