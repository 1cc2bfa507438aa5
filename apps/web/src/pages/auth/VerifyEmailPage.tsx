import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { AuthCard } from './AuthCard.tsx'
import { Button } from '../../components/Button.tsx'
import { ErrorText } from '../../components/ErrorText.tsx'
import { FocusHeading } from '../../components/FocusHeading.tsx'
import { Loading } from '../../components/Loading.tsx'
import { ResendVerificationForm } from './ResendVerificationForm.tsx'
import { describeError } from '../../lib/errors.ts'
import { useMe } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useRunOnce } from '../../lib/useRunOnce.ts'

/** Landing page of the link in the confirmation mail: confirms the address once, on arrival. */
export function VerifyEmailPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('verifyEmail.title'))
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { signedIn } = useMe()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const verify = useMutation(
    trpc.auth.verifyEmail.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.auth.me.queryFilter()),
    }),
  )
  useRunOnce(() => {
    if (token) verify.mutate({ token })
  })

  if (token && (verify.isIdle || verify.isPending)) {
    return (
      <AuthCard title={t('verifyEmail.title')}>
        <Loading label={t('verifyEmail.checking')} />
      </AuthCard>
    )
  }

  if (verify.isSuccess) {
    return (
      <AuthCard title={t('verifyEmail.title')}>
        <div className="notice notice--success">
          <FocusHeading>{t('verifyEmail.successTitle')}</FocusHeading>
          <p>{t('verifyEmail.successText')}</p>
        </div>
        <Link className="btn btn--primary btn--block" to={signedIn ? '/account' : '/login'}>
          {signedIn ? t('verifyEmail.toAccount') : t('verifyEmail.toLogIn')}
        </Link>
      </AuthCard>
    )
  }

  const error = verify.error ? describeError(verify.error) : null
  if (error && error.key !== 'auth.tokenInvalid') {
    // Not the link's fault (rate limit, network, server): offer to try again.
    return (
      <AuthCard title={t('verifyEmail.title')}>
        <div className="alert alert--error" role="alert">
          <p className="alert__message">
            <ErrorText error={error} />
          </p>
        </div>
        <Button variant="secondary" onClick={() => verify.mutate({ token })}>
          {t('common.retry')}
        </Button>
      </AuthCard>
    )
  }
  return (
    <AuthCard title={t('verifyEmail.title')}>
      <div className="alert alert--error" role="alert">
        <p className="alert__message">{t('auth.tokenInvalid')}</p>
        <p>{t('verifyEmail.invalidHelp')}</p>
      </div>
      <ResendVerificationForm />
    </AuthCard>
  )
}
