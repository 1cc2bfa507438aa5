import { emailInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../lib/trpc.ts'
import { useForm } from '../../lib/useForm.ts'
import { Button } from '../../components/Button.tsx'
import { EmailField } from '../../components/fields/EmailField.tsx'
import { Form } from '../../components/Form.tsx'

/** Asks for the address and sends a new confirmation link (same answer whether it exists or not). */
export function ResendVerificationForm() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [email, setEmail] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)
  const resend = useMutation(trpc.auth.resendVerification.mutationOptions())
  const form = useForm({
    schema: emailInput,
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
    <Form form={form} onSubmit={() => form.submit({ email })}>
      <EmailField {...form.bind('email', email, setEmail)} />
      <Button type="submit" variant="secondary" block pending={form.busy} pendingLabel={t('resend.sending')}>
        {t('resend.button')}
      </Button>
    </Form>
  )
}
