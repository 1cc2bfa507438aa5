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
import { useZodForm } from '../../lib/useZodForm.ts'

export function SignUpPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('signUp.title'))
  const trpc = useTRPC()
  const { signedIn } = useMe()
  const [sentTo, setSentTo] = useState<string | null>(null)
  const signUp = useMutation(trpc.auth.signUp.mutationOptions())
  const form = useZodForm({
    schema: signUpInput,
    defaultValues: { firstName: '', lastName: '', email: '', password: '', newsletter: false },
    toInput: (values) => ({ ...values, locale: currentLocale() }),
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
      <Form form={form}>
        <NameFields
          firstName={form.field('firstName')}
          lastName={form.field('lastName')}
        />
        <EmailField {...form.field('email')} />
        <NewPasswordField label={t('fields.password')} {...form.field('password')} />
        <CheckboxField
          label={t('signUp.newsletter')}
          hint={t('signUp.newsletterHint')}
          {...form.field('newsletter')}
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
