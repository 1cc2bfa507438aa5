import { verifyTotpInput } from '@jouwbot/shared'
import { useTranslation } from 'react-i18next'
import { TextField, type TextFieldProps } from '../TextField.tsx'

type Props = Omit<TextFieldProps, 'label'> & { label?: string }

/** The 6-digit code from an authenticator app (spaces allowed); the label defaults to `totp.code`. */
export function TotpCodeField({ label, ...props }: Props) {
  const { t } = useTranslation()
  return (
    <TextField
      label={label ?? t('totp.code')}
      hint={t('totp.codeHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]*"
      maxLength={7}
      className="input--code"
      required
      {...props}
    />
  )
}

/**
 * The form options of a form whose one field is a TOTP code (login step, 2FA set-up):
 * `useZodForm({ ...totpCodeForm, onSubmit })`. Spaces typed between the digits are dropped.
 */
export const totpCodeForm = {
  schema: verifyTotpInput,
  defaultValues: { code: '' },
  toInput: ({ code }: { code: string }) => ({ code: code.replace(/\s+/g, '') }),
  keyFields: { 'auth.totpInvalid': 'code' },
}
