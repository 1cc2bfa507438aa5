import { reauthenticateInput, SUDO_MINUTES } from '@jouwbot/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../lib/session.ts'
import { useTRPC } from '../lib/trpc.ts'
import { useZodForm } from '../lib/useZodForm.ts'
import { CurrentPasswordField } from './fields/CurrentPasswordField.tsx'
import { TotpCodeField } from './fields/TotpCodeField.tsx'
import { Form } from './Form.tsx'
import { FormActions } from './FormActions.tsx'

interface Props {
  onConfirmed: () => void
  onCancel: () => void
}

/** "Bevestig je wachtwoord": a modal that starts sudo mode, then lets the original action retry. */
export function ReauthDialog({ onConfirmed, onCancel }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { me } = useMe()
  const needsCode = me?.twoFactorEnabled ?? false
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const done = useRef(false)

  const reauthenticate = useMutation(trpc.auth.reauthenticate.mutationOptions())
  const form = useZodForm({
    schema: reauthenticateInput,
    defaultValues: { password: '', code: '' },
    toInput: ({ password, code }) => ({ password, code: needsCode ? code.replace(/\s+/g, '') : undefined }),
    keyFields: {
      'auth.passwordWrong': 'password',
      'auth.invalidCredentials': 'password',
      'auth.totpInvalid': 'code',
      'auth.totpRequired': 'code',
    },
    onSubmit: async (input) => {
      await reauthenticate.mutateAsync(input)
      await queryClient.invalidateQueries(trpc.auth.me.queryFilter())
      done.current = true
      dialogRef.current?.close()
      onConfirmed()
    },
  })

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onClose={() => {
        if (!done.current) onCancel()
      }}
    >
      <Form
        form={form}
        intro={
          <>
            <h2 id={titleId} className="dialog__title">
              {t('reauth.title')}
            </h2>
            <p className="muted">{t('reauth.intro', { minutes: SUDO_MINUTES })}</p>
          </>
        }
      >
        <CurrentPasswordField
          label={t('reauth.password')}
          autoFocus
          {...form.field('password')}
        />
        {needsCode ? <TotpCodeField label={t('reauth.code')} {...form.field('code')} /> : null}
        <FormActions busy={form.busy} submitLabel={t('reauth.submit')} pendingLabel={t('reauth.submitting')} onCancel={() => dialogRef.current?.close()} />
      </Form>
    </dialog>
  )
}
