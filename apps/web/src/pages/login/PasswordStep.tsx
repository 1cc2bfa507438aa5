import { logInInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { TextField } from '../../components/TextField.tsx'
import { ResendVerification } from '../../components/ResendVerification.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useForm } from '../../lib/useForm.ts'

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
    <form
      ref={form.formRef}
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault()
        void form.submit({ email, password })
      }}
    >
      <FormAlert error={form.error}>
        {form.error?.key === 'auth.emailNotVerified' ? <ResendVerification email={email} /> : null}
      </FormAlert>
      <TextField
        label={t('fields.email')}
        type="email"
        name="email"
        autoComplete="username"
        required
        value={email}
        error={form.fieldErrors.email}
        onChange={(event) => {
          setEmail(event.target.value)
          form.clearFieldError('email')
        }}
      />
      <TextField
        label={t('fields.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        revealable
        value={password}
        error={form.fieldErrors.password}
        onChange={(event) => {
          setPassword(event.target.value)
          form.clearFieldError('password')
        }}
      />
      <p className="form__aside">
        <Link to="/forgot-password">{t('logIn.forgot')}</Link>
      </p>
      <Button type="submit" block pending={form.busy} pendingLabel={t('logIn.submitting')}>
        {t('logIn.submit')}
      </Button>
      <p className="form__switch">
        {t('logIn.noAccount')} <Link to="/signup">{t('logIn.signUpLink')}</Link>
      </p>
    </form>
  )
}
