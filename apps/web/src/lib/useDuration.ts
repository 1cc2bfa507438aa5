import { useTranslation } from 'react-i18next'

/** Lesson and course lengths in words: "45 sec", "12 min", "2 u 5 min". */
export function useDuration(): (seconds: number) => string {
  const { t } = useTranslation()
  return (seconds) => {
    if (seconds < 60) return t('duration.seconds', { count: Math.max(0, Math.round(seconds)) })
    const total = Math.round(seconds / 60)
    const hours = Math.floor(total / 60)
    const minutes = total % 60
    if (hours === 0) return t('duration.minutes', { count: minutes })
    if (minutes === 0) return t('duration.hours', { count: hours })
    return t('duration.hoursMinutes', { hours, minutes })
  }
}
