import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useSeller } from '../../lib/useSeller.ts'

/** For visitors weighing the purchase: what they will have built, and who teaches it (the landing page's texts). */
export function CourseProof() {
  const { t } = useTranslation()
  const seller = useSeller()
  const titleId = useId()
  const points = t('home.proof.points', { returnObjects: true }) as unknown
  return (
    <section className="card course-proof" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('home.proof.title')}</h2>
      {Array.isArray(points) ? (
        <ul className="checklist">
          {points.map((point) => (
            <li key={String(point)}>{String(point)}</li>
          ))}
        </ul>
      ) : null}
      <h3>{t('home.proof.teacherTitle')}</h3>
      <p>
        <strong>{seller.data ? seller.data.name : 'Jouw Bot'}</strong> — {t('home.proof.teacherText')}
      </p>
    </section>
  )
}
