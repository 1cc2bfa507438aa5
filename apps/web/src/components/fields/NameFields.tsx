import { useTranslation } from 'react-i18next'
import type { FieldBinding } from '../../lib/useZodForm.ts'
import { TextField } from '../TextField.tsx'

interface Props {
  firstName: FieldBinding
  lastName: FieldBinding
}

/** First and last name side by side. */
export function NameFields({ firstName, lastName }: Props) {
  const { t } = useTranslation()
  return (
    <div className="form__row">
      <TextField label={t('fields.firstName')} autoComplete="given-name" required maxLength={100} {...firstName} />
      <TextField label={t('fields.lastName')} autoComplete="family-name" required maxLength={100} {...lastName} />
    </div>
  )
}
