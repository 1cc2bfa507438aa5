import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { QueryState } from '../../components/QueryState.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'

/** The coaches a member can book, each with a short bio and a link to their page. */
export function CoachList({ lessonId }: { lessonId: string | null }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const locale = useLocale()
  const coaches = useQuery(trpc.coaching.coaches.queryOptions())
  const suffix = lessonId ? `?les=${encodeURIComponent(lessonId)}` : ''
  return (
    <section aria-labelledby="coaching-coaches">
      <h2 id="coaching-coaches">{t('coachingPage.coaches')}</h2>
      <QueryState query={coaches} empty={<p>{t('coachingPage.noCoaches')}</p>}>
        {(list) => (
          <ul className="coach-cards">
            {list.map((coach) => {
              const bio = locale === 'en' ? coach.bioEn || coach.bioNl : coach.bioNl || coach.bioEn
              return (
                <li key={coach.id} className="coach-card">
                  {coach.photoUrl ? <img className="coach-photo" src={coach.photoUrl} alt={t('coachingPage.photoAlt', { name: coach.displayName })} width={96} height={96} loading="lazy" /> : null}
                  <h3 className="coach-card__name">
                    <Link to={`/coaching/coach/${coach.id}${suffix}`}>{coach.displayName}</Link>
                  </h3>
                  {bio ? <p className="coach-card__bio">{bio.length > 220 ? `${bio.slice(0, 217)}…` : bio}</p> : null}
                  <p className="muted">
                    {t('coachingPage.languages', { languages: coach.languages.map((code) => t(`coachingPage.language.${code}`, { defaultValue: code })).join(', ') })}
                    {' · '}
                    {t(`coachingPage.locationKind.${coach.locationKind}`)}
                  </p>
                  <p className="muted">{t('coachingPage.typeCount', { count: coach.sessionTypes.length })}</p>
                </li>
              )
            })}
          </ul>
        )}
      </QueryState>
    </section>
  )
}
