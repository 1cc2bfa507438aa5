import { emailInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../lib/trpc.ts'
import { useZodForm } from '../../lib/useZodForm.ts'
import { Button } from '../../components/Button.tsx'
import { EmailField } from '../../components/fields/EmailField.tsx'
import { Form } from '../../components/Form.tsx'

/** Asks for the address and sends a new confirmation link (same answer whether it exists or not). */
export function ResendVerificationForm() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [sentTo, setSentTo] = useState<string | null>(null)
  const resend = useMutation(trpc.auth.resendVerification.mutationOptions())
  const form = useZodForm({
    schema: emailInput,
    defaultValues: { email: '' },
    onSubmit: async (input) => {
      await resend.mutateAsync(input)
      setSentTo(input.email)
    },
  })

  if (sentTo) {
    return (
      <p className="notice notice--success" role="status">
        {t('resend.sent', { email: sentTo })}
      </p>
    )
  }
  return (
    <Form form={form}>
      <EmailField {...form.field('email')} />
      <Button type="submit" variant="secondary" block pending={form.busy} pendingLabel={t('resend.sending')}>
        {t('resend.button')}
      </Button>
    </Form>
  )
}
