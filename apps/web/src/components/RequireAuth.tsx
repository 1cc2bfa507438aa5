import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router'
import { describeError } from '../lib/errors.ts'
import { useMe } from '../lib/session.ts'
import { Button } from './Button.tsx'
import { ErrorText } from './ErrorText.tsx'
import { Loading } from './Loading.tsx'

/** Renders its children for a signed-in member; sends anyone else to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { signedIn, isPending, error, refetch } = useMe()
  const location = useLocation()

  if (isPending) return <Loading />
  if (error && !signedIn) {
    return (
      <div className="container page-narrow">
        <div className="alert alert--error" role="alert">
          <p className="alert__message">
            <ErrorText error={describeError(error)} />
          </p>
          <Button variant="secondary" onClick={() => void refetch()}>
            {t('common.retry')}
          </Button>
        </div>
      </div>
    )
  }
  if (!signedIn) {
    const next = location.pathname + location.search
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />
  }
  return <>{children}</>
}
