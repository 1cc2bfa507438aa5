import { recoveryCodeLoginInput as recoveryCodeInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { TextField } from '../../components/TextField.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useForm } from '../../lib/useForm.ts'

interface Props {
  onLoggedIn: (remaining: number) => Promise<void>
  onUseApp: () => void
}

/** Alternative second step: one of the single-use recovery codes. */
export function RecoveryCodeStep({ onLoggedIn, onUseApp }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [code, setCode] = useState('')
  const redeem = useMutation(trpc.auth.useRecoveryCode.mutationOptions())
  const form = useForm({
    schema: recoveryCodeInput,
    keyFields: { 'auth.recoveryCodeInvalid': 'code' },
    onSubmit: async (input) => {
      const result = await redeem.mutateAsync(input)
      await onLoggedIn(result.remaining)
    },
  })

  return (
    <form
      ref={form.formRef}
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault()
        void form.submit({ code })
      }}
    >
      <p className="muted">{t('recoveryLogIn.intro')}</p>
      <FormAlert error={form.error} />
      <TextField
        label={t('recoveryLogIn.code')}
        name="code"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
        maxLength={64}
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
        <Button variant="link" onClick={onUseApp}>
          {t('recoveryLogIn.useApp')}
        </Button>
      </div>
    </form>
  )
}
