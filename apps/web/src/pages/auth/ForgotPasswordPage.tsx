import { emailInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { AuthCard } from './AuthCard.tsx'
import { Button } from '../../components/Button.tsx'
import { EmailField } from '../../components/fields/EmailField.tsx'
import { FocusHeading } from '../../components/FocusHeading.tsx'
import { Form } from '../../components/Form.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useZodForm } from '../../lib/useZodForm.ts'

export function ForgotPasswordPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('forgotPassword.title'))
  const trpc = useTRPC()
  const [sentTo, setSentTo] = useState<string | null>(null)
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions())
  const form = useZodForm({
    schema: emailInput,
    defaultValues: { email: '' },
    onSubmit: async (input) => {
      await request.mutateAsync(input)
      setSentTo(input.email)
    },
  })

  if (sentTo) {
    return (
      <AuthCard title={t('forgotPassword.title')}>
        <div className="notice notice--success">
          <FocusHeading>{t('forgotPassword.doneTitle')}</FocusHeading>
          <p>{t('forgotPassword.doneText', { email: sentTo })}</p>
        </div>
        <p>
          <Link to="/login">{t('forgotPassword.backToLogIn')}</Link>
        </p>
      </AuthCard>
    )
  }

  return (
    <AuthCard
      title={t('forgotPassword.title')}
      intro={t('forgotPassword.intro')}
      footer={
        <p>
          <Link to="/login">{t('forgotPassword.backToLogIn')}</Link>
        </p>
      }
    >
      <Form form={form}>
        <EmailField {...form.field('email')} />
        <Button type="submit" block pending={form.busy} pendingLabel={t('forgotPassword.submitting')}>
          {t('forgotPassword.submit')}
        </Button>
      </Form>
    </AuthCard>
  )
}
