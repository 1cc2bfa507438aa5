import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useSearchParams } from 'react-router'
import { AuthCard } from './AuthCard.tsx'
import { Button } from '../../components/Button.tsx'
import { ErrorText } from '../../components/ErrorText.tsx'
import { FocusHeading } from '../../components/FocusHeading.tsx'
import { Loading } from '../../components/Loading.tsx'
import { describeError } from '../../lib/errors.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useRunOnce } from '../../lib/useRunOnce.ts'

/** Landing page of the link sent to a new e-mail address: switches the account to it. */
export function ConfirmEmailPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('confirmEmail.title'))
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const location = useLocation()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const confirm = useMutation(
    trpc.auth.confirmEmailChange.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.auth.me.queryFilter()),
    }),
  )
  useRunOnce(() => {
    if (token) confirm.mutate({ token })
  })

  if (token && (confirm.isIdle || confirm.isPending)) {
    return (
      <AuthCard title={t('confirmEmail.title')}>
        <Loading label={t('confirmEmail.checking')} />
      </AuthCard>
    )
  }

  if (confirm.isSuccess) {
    return (
      <AuthCard title={t('confirmEmail.title')}>
        <div className="notice notice--success">
          <FocusHeading>{t('confirmEmail.successTitle')}</FocusHeading>
          <p>{t('confirmEmail.successText')}</p>
        </div>
        <Link className="btn btn--primary btn--block" to="/account">
          {t('confirmEmail.toAccount')}
        </Link>
      </AuthCard>
    )
  }

  const error = confirm.error ? describeError(confirm.error) : null
  if (error?.key === 'error.unauthorized') {
    const next = encodeURIComponent(location.pathname + location.search)
    return (
      <AuthCard title={t('confirmEmail.title')}>
        <div className="notice notice--info" role="status">
          <p>{t('confirmEmail.logInFirst')}</p>
        </div>
        <Link className="btn btn--primary btn--block" to={`/login?next=${next}`}>
          {t('nav.logIn')}
        </Link>
      </AuthCard>
    )
  }
  return (
    <AuthCard title={t('confirmEmail.title')}>
      <div className="alert alert--error" role="alert">
        <p className="alert__message">{error ? <ErrorText error={error} /> : t('auth.tokenInvalid')}</p>
        {!error || error.key === 'auth.tokenInvalid' ? <p>{t('confirmEmail.invalidHelp')}</p> : null}
      </div>
      {error && error.key !== 'auth.tokenInvalid' ? (
        <Button variant="secondary" onClick={() => confirm.mutate({ token })}>
          {t('common.retry')}
        </Button>
      ) : (
        <Link to="/account">{t('confirmEmail.toAccount')}</Link>
      )}
    </AuthCard>
  )
}
