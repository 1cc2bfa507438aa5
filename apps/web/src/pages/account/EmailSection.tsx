import { requestEmailChangeInput, type Me } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmailField } from '../../components/fields/EmailField.tsx'
import { Form } from '../../components/Form.tsx'
import { Notice } from '../../components/Notice.tsx'
import { useSudo } from '../../lib/sudo.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useZodForm } from '../../lib/useZodForm.ts'
import { AccountSection } from './AccountSection.tsx'
import { FormActions } from '../../components/FormActions.tsx'

export function EmailSection({ me }: { me: Me }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const withSudo = useSudo()
  const [sentTo, setSentTo] = useState<string | null>(null)
  const request = useMutation(trpc.auth.requestEmailChange.mutationOptions())
  const form = useZodForm({
    schema: requestEmailChangeInput,
    defaultValues: { newEmail: '' },
    keyFields: { 'auth.emailTaken': 'newEmail' },
    onSubmit: async (input) => {
      await withSudo(() => request.mutateAsync(input))
      setSentTo(input.newEmail)
      form.methods.setValue('newEmail', '')
    },
  })

  return (
    <AccountSection id="email" title={t('email.title')}>
      <dl className="facts">
        <div>
          <dt>{t('email.current')}</dt>
          <dd>
            {me.email}{' '}
            {me.emailVerified ? (
              <span className="badge badge--success">{t('email.verified')}</span>
            ) : (
              <span className="badge badge--warning">{t('email.unverified')}</span>
            )}
          </dd>
        </div>
      </dl>
      {sentTo ? (
        <Notice tone="success">
          <p>{t('email.sent', { email: sentTo })}</p>
        </Notice>
      ) : null}
      <Form form={form}>
        <EmailField
          label={t('email.new')}
          hint={t('email.newHint')}
          {...form.field('newEmail')}
        />
        <FormActions busy={form.busy} submitLabel={t('email.submit')} pendingLabel={t('common.sending')} />
      </Form>
    </AccountSection>
  )
}
