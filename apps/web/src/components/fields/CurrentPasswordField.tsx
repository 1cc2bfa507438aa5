import { useTranslation } from 'react-i18next'
import { TextField, type TextFieldProps } from '../TextField.tsx'

type Props = Omit<TextFieldProps, 'label'> & { label?: string }

/** The password the member has now, with a show/hide button; the label defaults to `fields.password`. */
export function CurrentPasswordField({ label, ...props }: Props) {
  const { t } = useTranslation()
  return (
    <TextField
      label={label ?? t('fields.password')}
      type="password"
      autoComplete="current-password"
      required
      revealable
      {...props}
    />
  )
}
