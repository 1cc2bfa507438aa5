import { requestEmailChangeInput, type Me } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { Notice } from '../../components/Notice.tsx'
import { TextField } from '../../components/TextField.tsx'
import { useSudo } from '../../lib/sudo.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useForm } from '../../lib/useForm.ts'
import { AccountSection } from './AccountSection.tsx'

export function EmailSection({ me }: { me: Me }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const withSudo = useSudo()
  const [newEmail, setNewEmail] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)
  const request = useMutation(trpc.auth.requestEmailChange.mutationOptions())
  const form = useForm({
    schema: requestEmailChangeInput,
    keyFields: { 'auth.emailTaken': 'newEmail' },
    onSubmit: async (input) => {
      await withSudo(() => request.mutateAsync(input))
      setSentTo(input.newEmail)
      setNewEmail('')
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
      <form
        ref={form.formRef}
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          void form.submit({ newEmail })
        }}
      >
        <FormAlert error={form.error} />
        <TextField
          label={t('email.new')}
          hint={t('email.newHint')}
          type="email"
          name="newEmail"
          autoComplete="email"
          required
          value={newEmail}
          error={form.fieldErrors.newEmail}
          onChange={(event) => {
            setNewEmail(event.target.value)
            form.clearFieldError('newEmail')
          }}
        />
        <div className="form__actions">
          <Button type="submit" pending={form.busy} pendingLabel={t('common.sending')}>
            {t('email.submit')}
          </Button>
        </div>
      </form>
    </AccountSection>
  )
}
