import { emailSchema } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { describeError } from '../../lib/errors.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { Button } from '../../components/Button.tsx'
import { ErrorText } from '../../components/ErrorText.tsx'

/** "Send the confirmation link again" for an address that has not been confirmed yet. */
export function ResendVerification({ email }: { email: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const resend = useMutation(trpc.auth.resendVerification.mutationOptions())
  const parsed = emailSchema.safeParse(email)
  if (!parsed.success) return null

  return (
    <div className="resend">
      <Button
        variant="secondary"
        pending={resend.isPending}
        pendingLabel={t('resend.sending')}
        disabled={resend.isSuccess}
        onClick={() => resend.mutate({ email: parsed.data })}
      >
        {t('resend.button')}
      </Button>
      <p className="resend__status" role="status">
        {resend.isSuccess ? t('resend.sent', { email: parsed.data }) : null}
        {resend.isError ? <ErrorText error={describeError(resend.error)} /> : null}
      </p>
    </div>
  )
}
