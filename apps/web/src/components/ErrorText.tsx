import { useTranslation } from 'react-i18next'
import type { ErrorDetails } from '../lib/errors.ts'

export function ErrorText({ error }: { error: ErrorDetails }) {
  const { t } = useTranslation()
  return <>{t(error.messageKey, error.values)}</>
}
