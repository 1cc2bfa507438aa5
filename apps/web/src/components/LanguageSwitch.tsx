import { useTranslation } from 'react-i18next'
import { languages } from '../i18n/index.ts'

/** NL / EN toggle. The choice is stored in localStorage by the language detector. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const current = i18n.resolvedLanguage
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {languages.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="lang-switch__option"
          aria-pressed={current === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          <span aria-hidden="true">{lng.toUpperCase()}</span>
          <span className="visually-hidden">{t(`language.${lng}`)}</span>
        </button>
      ))}
    </div>
  )
}
