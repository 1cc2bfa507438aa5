import { useTranslation } from 'react-i18next'
import { useLocale } from '../../lib/useLocale.ts'

/** In the English interface: the course content (videos, texts, captions) exists only in Dutch. */
export function DutchOnlyNote({ className = '' }: { className?: string }) {
  const { t } = useTranslation()
  const locale = useLocale()
  if (locale === 'nl') return null
  return (
    <p className={`dutch-only ${className}`.trim()}>
      <span lang="nl" aria-hidden="true" className="dutch-only__flag">
        NL
      </span>{' '}
      {t('course.dutchOnly')}
    </p>
  )
}
