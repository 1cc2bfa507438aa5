import { verifyTotpInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { TotpCodeField } from '../../../components/fields/TotpCodeField.tsx'
import { useSessionChanged } from '../../../lib/session.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useForm } from '../../../lib/useForm.ts'
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
  const [code, setCode] = useState('')
  const verify = useMutation(trpc.auth.verifyTotp.mutationOptions())
  const logOut = useMutation(trpc.auth.logOut.mutationOptions())
  const form = useForm({
    schema: verifyTotpInput,
    keyFields: { 'auth.totpInvalid': 'code' },
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
      onSubmit={() => form.submit({ code: code.replace(/\s+/g, '') })}
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
      <TotpCodeField autoFocus {...form.bind('code', code, setCode)} />
    </CodeStepForm>
  )
}
