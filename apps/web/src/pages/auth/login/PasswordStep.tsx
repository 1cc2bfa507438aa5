import { logInInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Button } from '../../../components/Button.tsx'
import { CurrentPasswordField } from '../../../components/fields/CurrentPasswordField.tsx'
import { EmailField } from '../../../components/fields/EmailField.tsx'
import { Form } from '../../../components/Form.tsx'
import { ResendVerification } from '../ResendVerification.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useForm } from '../../../lib/useForm.ts'

interface Props {
  onTotpRequired: () => void
  onLoggedIn: () => Promise<void>
}

export function PasswordStep({ onTotpRequired, onLoggedIn }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const logIn = useMutation(trpc.auth.logIn.mutationOptions())
  const form = useForm({
    schema: logInInput,
    onSubmit: async (input) => {
      const result = await logIn.mutateAsync(input)
      if (result.status === 'totp_required') onTotpRequired()
      else await onLoggedIn()
    },
  })

  return (
    <Form
      form={form}
      onSubmit={() => form.submit({ email, password })}
      alertExtra={form.error?.key === 'auth.emailNotVerified' ? <ResendVerification email={email} /> : null}
    >
      <EmailField autoComplete="username" {...form.bind('email', email, setEmail)} />
      <CurrentPasswordField {...form.bind('password', password, setPassword)} />
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
