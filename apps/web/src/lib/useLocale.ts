import type { Locale } from '@jouwbot/shared'
import { useTranslation } from 'react-i18next'

/** The current UI language; components using it re-render on a language switch. */
export function useLocale(): Locale {
  const { i18n } = useTranslation()
  return i18n.resolvedLanguage === 'en' ? 'en' : 'nl'
}
