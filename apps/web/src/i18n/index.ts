import type { Locale } from '@jouwbot/shared'
import i18n from 'i18next'
import LanguageDetector from 'i18next-browser-languagedetector'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import nl from './nl.json'

export const LANGUAGE_STORAGE_KEY = 'jouwbot.language'
export const languages = ['nl', 'en'] as const satisfies readonly Locale[]

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    // Dutch first; English only when chosen (the choice is kept in localStorage).
    fallbackLng: 'nl',
    supportedLngs: languages,
    load: 'languageOnly',
    detection: {
      order: ['localStorage'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    react: { useSuspense: false },
  })

function syncHtmlLang(lng: string | undefined): void {
  document.documentElement.lang = lng === 'en' ? 'en' : 'nl'
}
syncHtmlLang(i18n.resolvedLanguage)
i18n.on('languageChanged', syncHtmlLang)

/** The current UI language as one of the supported locales. */
export function currentLocale(): Locale {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'nl'
}

export default i18n
