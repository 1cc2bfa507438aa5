import { useTranslation } from 'react-i18next'
import { TextField, type TextFieldProps } from '../TextField.tsx'

type Props = Omit<TextFieldProps, 'label'> & { label?: string }

/** A password being chosen: the rules as hint, a show/hide button; the label defaults to `fields.newPassword`. */
export function NewPasswordField({ label, ...props }: Props) {
  const { t } = useTranslation()
  return (
    <TextField
      label={label ?? t('fields.newPassword')}
      hint={t('fields.newPasswordHint')}
      type="password"
      autoComplete="new-password"
      required
      revealable
      {...props}
    />
  )
}
