import { recoveryCodeLoginInput as recoveryCodeInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { CodeStepForm } from './CodeStepForm.tsx'

interface Props {
  onLoggedIn: (remaining: number) => Promise<void>
  onUseApp: () => void
}

/** Alternative second step: one of the single-use recovery codes. */
export function RecoveryCodeStep({ onLoggedIn, onUseApp }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const redeem = useMutation(trpc.auth.useRecoveryCode.mutationOptions())
  const form = useZodForm({
    schema: recoveryCodeInput,
    defaultValues: { code: '' },
    keyFields: { 'auth.recoveryCodeInvalid': 'code' },
    onSubmit: async (input) => {
      const result = await redeem.mutateAsync(input)
      await onLoggedIn(result.remaining)
    },
  })

  return (
    <CodeStepForm
      form={form}
      intro={t('recoveryLogIn.intro')}
      links={
        <Button variant="link" onClick={onUseApp}>
          {t('recoveryLogIn.useApp')}
        </Button>
      }
    >
      <TextField
        label={t('recoveryLogIn.code')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
        maxLength={64}
        {...form.field('code')}
      />
    </CodeStepForm>
  )
}
