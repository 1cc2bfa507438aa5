import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router'
import { AuthCard } from './AuthCard.tsx'
import { Loading } from '../../components/Loading.tsx'
import { Notice } from '../../components/Notice.tsx'
import { readNotice, type NoticeState } from '../../lib/notices.ts'
import { safeNext } from '../../lib/redirect.ts'
import { useMe, useSessionChanged } from '../../lib/session.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { PasswordStep } from './login/PasswordStep.tsx'
import { RecoveryCodeStep } from './login/RecoveryCodeStep.tsx'
import { TotpStep } from './login/TotpStep.tsx'

type Step = 'password' | 'totp' | 'recovery'

export function LogInPage() {
  const { t } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const { signedIn, pendingTwoFactor, isPending } = useMe()
  const sessionChanged = useSessionChanged()
  const notice = readNotice(location.state)
  const next = safeNext(params.get('next'))
  // A session that still waits for its 2FA code (e.g. after a reload) continues at the code step.
  const [chosenStep, setStep] = useState<Step | null>(null)
  const [finishing, setFinishing] = useState(false)
  const step: Step = chosenStep ?? (pendingTwoFactor ? 'totp' : 'password')
  useDocumentTitle(step === 'password' ? t('logIn.title') : t('totp.title'))

  async function finish(state?: NoticeState): Promise<void> {
    setFinishing(true)
    await sessionChanged()
    await navigate(next, { replace: true, state })
  }

  if (isPending) return <Loading />
  if (signedIn && !finishing) return <Navigate to={next} replace />

  return (
    <AuthCard
      title={step === 'password' ? t('logIn.title') : t('totp.title')}
      intro={step === 'password' ? t('logIn.intro') : undefined}
    >
      {notice?.notice === 'passwordReset' ? (
        <Notice tone="success" live={false}>
          <p>{t('logIn.noticePasswordReset')}</p>
        </Notice>
      ) : null}
      {step === 'password' ? (
        <PasswordStep onTotpRequired={() => setStep('totp')} onLoggedIn={() => finish()} />
      ) : null}
      {step === 'totp' ? (
        <TotpStep
          onLoggedIn={() => finish()}
          onUseRecoveryCode={() => setStep('recovery')}
          onCancelled={() => setStep('password')}
        />
      ) : null}
      {step === 'recovery' ? (
        <RecoveryCodeStep
          onLoggedIn={(remaining) => finish({ notice: 'recoveryCodeUsed', remaining })}
          onUseApp={() => setStep('totp')}
        />
      ) : null}
    </AuthCard>
  )
}
