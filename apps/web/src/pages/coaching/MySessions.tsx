import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { QueryState } from '../../components/QueryState.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import type { ZoneFormat } from './useCoachingZone.ts'
import { statusBadge } from './statusBadge.ts'

/** Upcoming and past sessions; each opens its own page (reschedule, cancel). */
export function MySessions({ format }: { format: ZoneFormat }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const sessions = useQuery(trpc.coaching.mySessions.queryOptions())
  return (
    <section aria-labelledby="coaching-sessions">
      <h2 id="coaching-sessions">{t('coachingPage.sessions')}</h2>
      <QueryState query={sessions} empty={<p>{t('coachingPage.noSessions')}</p>}>
        {(list) => {
          const now = Date.now()
          const upcoming = list.filter((s) => s.status === 'booked' && new Date(s.endsAt).getTime() > now).reverse()
          const past = list.filter((s) => !upcoming.includes(s))
          const item = (session: (typeof list)[number]) => (
            <li key={session.id} className="session-row">
              <Link to={`/coaching/sessies/${session.id}`} className="session-row__link">
                <span className="session-row__when">{format.dateTime(session.startsAt)}</span>
                <span>
                  {session.title} · {session.coachName}
                </span>
              </Link>
              <span className={statusBadge(session.status)}>{t(`coachingPage.status.${session.status}`)}</span>
            </li>
          )
          return (
            <>
              <h3>{t('coachingPage.upcoming')}</h3>
              {upcoming.length > 0 ? <ul className="session-list">{upcoming.map(item)}</ul> : <p>{t('coachingPage.noUpcoming')}</p>}
              {past.length > 0 ? (
                <>
                  <h3>{t('coachingPage.past')}</h3>
                  <ul className="session-list">{past.map(item)}</ul>
                </>
              ) : null}
            </>
          )
        }}
      </QueryState>
    </section>
  )
}
