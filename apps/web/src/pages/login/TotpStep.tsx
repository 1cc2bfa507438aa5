import { verifyTotpInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { TextField } from '../../components/TextField.tsx'
import { useSessionChanged } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useForm } from '../../lib/useForm.ts'

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
    <form
      ref={form.formRef}
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault()
        void form.submit({ code: code.replace(/\s+/g, '') })
      }}
    >
      <p className="muted">{t('totp.intro')}</p>
      <FormAlert error={form.error} />
      <TextField
        label={t('totp.code')}
        hint={t('totp.codeHint')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={7}
        required
        autoFocus
        className="input--code"
        value={code}
        error={form.fieldErrors.code}
        onChange={(event) => {
          setCode(event.target.value)
          form.clearFieldError('code')
        }}
      />
      <Button type="submit" block pending={form.busy} pendingLabel={t('totp.submitting')}>
        {t('totp.submit')}
      </Button>
      <div className="form__links">
        <Button variant="link" onClick={onUseRecoveryCode}>
          {t('totp.useRecoveryCode')}
        </Button>
        <Button variant="link" pending={logOut.isPending} onClick={() => void cancel()}>
          {t('totp.cancel')}
        </Button>
      </div>
    </form>
  )
}
