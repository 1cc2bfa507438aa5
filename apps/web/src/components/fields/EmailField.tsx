import { useTranslation } from 'react-i18next'
import { TextField, type TextFieldProps } from '../TextField.tsx'

type Props = Omit<TextFieldProps, 'label'> & { label?: string }

/** A required e-mail address; the label defaults to `fields.email`. */
export function EmailField({ label, ...props }: Props) {
  const { t } = useTranslation()
  return <TextField label={label ?? t('fields.email')} type="email" autoComplete="email" required {...props} />
}
