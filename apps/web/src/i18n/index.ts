import type { Locale } from '@jouwbot/shared'
import i18n, { type BackendModule } from 'i18next'
import LanguageDetector from 'i18next-browser-languagedetector'
import { initReactI18next } from 'react-i18next'
import { updatePrefsCookie } from '../lib/prefsCookie.ts'
import nl from './nl.json'

export const LANGUAGE_STORAGE_KEY = 'jouwbot.language'
export const languages = ['nl', 'en'] as const satisfies readonly Locale[]

/**
 * Dutch is in the entry chunk; English (100 kB of text) loads only for a browser that chose it,
 * before the first render (`startI18n`) or when the language is switched (changeLanguage waits).
 */
const englishOnDemand: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language !== 'en') return callback(null, language === 'nl' ? nl : {})
    import('./en.json').then(
      (catalog) => callback(null, catalog.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    )
  },
}

let ready: Promise<unknown> | undefined

/**
 * Sets up i18next (once) and settles when the chosen language's texts are there (at once for
 * Dutch). A step of its own, not a side effect of importing this module: in the browser it runs in
 * a task after the scripts' evaluation (main.tsx), which on a slow phone was one long task with it.
 */
export function startI18n(): Promise<unknown> {
  if (ready) return ready
  ready = i18n
    .use(englishOnDemand)
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { nl: { translation: nl } },
      partialBundledLanguages: true,
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
  syncHtmlLang(i18n.resolvedLanguage)
  i18n.on('languageChanged', syncHtmlLang)
  // A switch is mirrored for the server's rendering (main.tsx mirrors the choice found at start-up).
  i18n.on('languageChanged', (lng) => updatePrefsCookie({ language: lng === 'en' ? 'en' : 'nl' }))
  return ready
}

function syncHtmlLang(lng: string | undefined): void {
  if (typeof document === 'undefined') return // server rendering (entry-server.tsx): Dutch
  const lang = lng === 'en' ? 'en' : 'nl'
  // Only on a change: setting it, even to the value it has, invalidates the style of the whole
  // (server-rendered) page at start-up.
  if (document.documentElement.lang !== lang) document.documentElement.lang = lang
}

/** The current UI language as one of the supported locales. */
export function currentLocale(): Locale {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'nl'
}

export default i18n
