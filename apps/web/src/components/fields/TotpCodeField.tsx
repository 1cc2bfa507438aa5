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
