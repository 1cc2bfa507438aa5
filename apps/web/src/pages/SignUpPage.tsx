import { signUpInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link, Navigate } from 'react-router'
import { AuthCard } from '../components/AuthCard.tsx'
import { Button } from '../components/Button.tsx'
import { CheckboxField } from '../components/CheckboxField.tsx'
import { FocusHeading } from '../components/FocusHeading.tsx'
import { FormAlert } from '../components/FormAlert.tsx'
import { TextField } from '../components/TextField.tsx'
import { currentLocale } from '../i18n/index.ts'
import { useMe } from '../lib/session.ts'
import { useTRPC } from '../lib/trpc.ts'
import { useDocumentTitle } from '../lib/useDocumentTitle.ts'
import { useForm } from '../lib/useForm.ts'

const empty = { firstName: '', lastName: '', email: '', password: '', newsletter: false }

export function SignUpPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('signUp.title'))
  const trpc = useTRPC()
  const { signedIn } = useMe()
  const [values, setValues] = useState(empty)
  const [sentTo, setSentTo] = useState<string | null>(null)
  const signUp = useMutation(trpc.auth.signUp.mutationOptions())
  const form = useForm({
    schema: signUpInput,
    keyFields: { 'auth.passwordCommon': 'password', 'auth.emailTaken': 'email' },
    onSubmit: async (input) => {
      await signUp.mutateAsync(input)
      setSentTo(input.email)
    },
  })

  if (signedIn && !sentTo) return <Navigate to="/account" replace />

  if (sentTo) {
    return (
      <AuthCard title={t('signUp.title')}>
        <div className="notice notice--success">
          <FocusHeading>{t('signUp.doneTitle')}</FocusHeading>
          <p>{t('signUp.doneText', { email: sentTo })}</p>
          <p className="muted">{t('signUp.doneSpam')}</p>
        </div>
        <p>
          <Link to="/login">{t('signUp.toLogIn')}</Link>
        </p>
      </AuthCard>
    )
  }

  function set<K extends keyof typeof empty>(name: K, value: (typeof empty)[K]): void {
    setValues((current) => ({ ...current, [name]: value }))
    form.clearFieldError(name)
  }

  return (
    <AuthCard
      title={t('signUp.title')}
      intro={t('signUp.intro')}
      footer={
        <p>
          {t('signUp.haveAccount')} <Link to="/login">{t('signUp.logInLink')}</Link>
        </p>
      }
    >
      <form
        ref={form.formRef}
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          void form.submit({ ...values, locale: currentLocale() })
        }}
      >
        <FormAlert error={form.error} />
        <div className="form__row">
          <TextField
            label={t('fields.firstName')}
            name="firstName"
            autoComplete="given-name"
            required
            maxLength={100}
            value={values.firstName}
            error={form.fieldErrors.firstName}
            onChange={(event) => set('firstName', event.target.value)}
          />
          <TextField
            label={t('fields.lastName')}
            name="lastName"
            autoComplete="family-name"
            required
            maxLength={100}
            value={values.lastName}
            error={form.fieldErrors.lastName}
            onChange={(event) => set('lastName', event.target.value)}
          />
        </div>
        <TextField
          label={t('fields.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={values.email}
          error={form.fieldErrors.email}
          onChange={(event) => set('email', event.target.value)}
        />
        <TextField
          label={t('fields.password')}
          hint={t('fields.newPasswordHint')}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          revealable
          value={values.password}
          error={form.fieldErrors.password}
          onChange={(event) => set('password', event.target.value)}
        />
        <CheckboxField
          label={t('signUp.newsletter')}
          hint={t('signUp.newsletterHint')}
          name="newsletter"
          checked={values.newsletter}
          onChange={(event) => set('newsletter', event.target.checked)}
        />
        <p className="form__fineprint">
          <Trans i18nKey="signUp.privacy" components={{ privacy: <Link to="/privacy" /> }} />
        </p>
        <Button type="submit" block pending={form.busy} pendingLabel={t('signUp.submitting')}>
          {t('signUp.submit')}
        </Button>
      </form>
    </AuthCard>
  )
}
