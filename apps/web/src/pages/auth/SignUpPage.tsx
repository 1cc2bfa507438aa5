import { signUpInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link, Navigate } from 'react-router'
import { AuthCard } from './AuthCard.tsx'
import { Button } from '../../components/Button.tsx'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { EmailField } from '../../components/fields/EmailField.tsx'
import { NameFields } from '../../components/fields/NameFields.tsx'
import { NewPasswordField } from '../../components/fields/NewPasswordField.tsx'
import { FocusHeading } from '../../components/FocusHeading.tsx'
import { Form } from '../../components/Form.tsx'
import { currentLocale } from '../../i18n/index.ts'
import { useMe } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useForm } from '../../lib/useForm.ts'

export function SignUpPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('signUp.title'))
  const trpc = useTRPC()
  const { signedIn } = useMe()
  const [firstName, setFirstName] = useState('')
  const [lastName, setLastName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [newsletter, setNewsletter] = useState(false)
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
      <Form
        form={form}
        onSubmit={() => form.submit({ firstName, lastName, email, password, newsletter, locale: currentLocale() })}
      >
        <NameFields
          firstName={form.bind('firstName', firstName, setFirstName)}
          lastName={form.bind('lastName', lastName, setLastName)}
        />
        <EmailField {...form.bind('email', email, setEmail)} />
        <NewPasswordField label={t('fields.password')} {...form.bind('password', password, setPassword)} />
        <CheckboxField
          label={t('signUp.newsletter')}
          hint={t('signUp.newsletterHint')}
          {...form.bindCheckbox('newsletter', newsletter, setNewsletter)}
        />
        <p className="form__fineprint">
          <Trans i18nKey="signUp.privacy" components={{ privacy: <Link to="/privacy" /> }} />
        </p>
        <Button type="submit" block pending={form.busy} pendingLabel={t('signUp.submitting')}>
          {t('signUp.submit')}
        </Button>
      </Form>
    </AuthCard>
  )
}
