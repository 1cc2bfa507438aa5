import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { TotpCodeField, totpCodeForm } from '../../../components/fields/TotpCodeField.tsx'
import { useSessionChanged } from '../../../lib/session.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { CodeStepForm } from './CodeStepForm.tsx'

interface Props {
  onLoggedIn: () => Promise<void>
  onUseRecoveryCode: () => void
  onCancelled: () => void
}

/** Second login step: the 6-digit code from the authenticator app. */
export function TotpStep({ onLoggedIn, onUseRecoveryCode, onCancelled }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const sessionChanged = useSessionChanged()
  const verify = useMutation(trpc.auth.verifyTotp.mutationOptions())
  const logOut = useMutation(trpc.auth.logOut.mutationOptions())
  const form = useZodForm({
    ...totpCodeForm,
    onSubmit: async (input) => {
      await verify.mutateAsync(input)
      await onLoggedIn()
    },
  })

  async function cancel(): Promise<void> {
    try {
      await logOut.mutateAsync()
    } finally {
      await sessionChanged()
      onCancelled()
    }
  }

  return (
    <CodeStepForm
      form={form}
      intro={t('totp.intro')}
      links={
        <>
          <Button variant="link" onClick={onUseRecoveryCode}>
            {t('totp.useRecoveryCode')}
          </Button>
          <Button variant="link" pending={logOut.isPending} onClick={() => void cancel()}>
            {t('totp.cancel')}
          </Button>
        </>
      }
    >
      <TotpCodeField autoFocus {...form.field('code')} />
    </CodeStepForm>
  )
}
