import { PASSWORD_MAX, PASSWORD_MIN } from '@jouwbot/shared/errors'
import { useTranslation } from 'react-i18next'

/** A field's error message (an i18n key); renders nothing without an error. */
export function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <p className="field__error" id={id}>
      {t(error, { min: PASSWORD_MIN, max: PASSWORD_MAX })}
    </p>
  )
}
