import { resetPasswordInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { AuthCard } from './AuthCard.tsx'
import { Button } from '../../components/Button.tsx'
import { NewPasswordField } from '../../components/fields/NewPasswordField.tsx'
import { Form } from '../../components/Form.tsx'
import { useSessionChanged } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useZodForm } from '../../lib/useZodForm.ts'

/** Only the password is typed; the token comes from the link and is checked by the server. */
const passwordOnly = resetPasswordInput.pick({ password: true })

export function ResetPasswordPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('resetPassword.title'))
  const trpc = useTRPC()
  const navigate = useNavigate()
  const sessionChanged = useSessionChanged()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions())
  const form = useZodForm({
    schema: passwordOnly,
    defaultValues: { password: '' },
    keyFields: { 'auth.passwordCommon': 'password' },
    onSubmit: async (input) => {
      await reset.mutateAsync({ token, password: input.password })
      // The reset signs out every session; forget what this tab knew about the old one.
      await sessionChanged()
      await navigate('/login', { replace: true, state: { notice: 'passwordReset' } })
    },
  })

  if (!token) {
    return (
      <AuthCard title={t('resetPassword.title')}>
        <div className="alert alert--error" role="alert">
          <p className="alert__message">{t('auth.tokenInvalid')}</p>
        </div>
        <Link to="/forgot-password">{t('resetPassword.requestNew')}</Link>
      </AuthCard>
    )
  }

  return (
    <AuthCard title={t('resetPassword.title')} intro={t('resetPassword.intro')}>
      <Form
        form={form}
        alertExtra={
          form.error?.key === 'auth.tokenInvalid' ? (
            <p>
              <Link to="/forgot-password">{t('resetPassword.requestNew')}</Link>
            </p>
          ) : null
        }
      >
        <NewPasswordField {...form.field('password')} />
        <Button type="submit" block pending={form.busy} pendingLabel={t('resetPassword.submitting')}>
          {t('resetPassword.submit')}
        </Button>
      </Form>
    </AuthCard>
  )
}
