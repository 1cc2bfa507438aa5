import { useTranslation } from 'react-i18next'

interface Props {
  phase: 'build' | 'launch' | 'sell'
  step: number
}

/** One of the three course phases: bouwen → lanceren → verkopen. */
export function PhaseCard({ phase, step }: Props) {
  const { t } = useTranslation()
  const points = t(`home.course.${phase}.points`, { returnObjects: true }) as unknown
  return (
    <li className="card phase">
      <p className="phase__step" aria-hidden="true">
        {String(step).padStart(2, '0')}
      </p>
      <h3 className="phase__title">{t(`home.course.${phase}.title`)}</h3>
      <p>{t(`home.course.${phase}.text`)}</p>
      {Array.isArray(points) ? (
        <ul className="checklist">
          {points.map((point) => (
            <li key={String(point)}>{String(point)}</li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}
