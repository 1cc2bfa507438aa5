import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { QueryState } from '../../components/QueryState.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { SessionView } from './SessionView.tsx'
import { useCoachingZone } from './useCoachingZone.ts'
import './coaching.css'

/**
 * /coaching/sessies/:bookingId — one of the member's sessions (logged in): the booking confirmation
 * (`?geboekt=1`), reschedule and cancel within the rules.
 */
export function SessionPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('coachingPage.sessionTitle'))
  const trpc = useTRPC()
  const { bookingId = '' } = useParams()
  const [params] = useSearchParams()
  const format = useCoachingZone()
  const sessions = useQuery(trpc.coaching.mySessions.queryOptions())
  return (
    <div className="container coaching page-narrow">
      <p>
        <Link to="/coaching">{t('coachingPage.backToCoaching')}</Link>
      </p>
      <QueryState query={sessions} isEmpty={(list) => !list.some((s) => s.id === bookingId)} empty={<p>{t('coaching.bookingNotFound')}</p>}>
        {(list) => <SessionView key={bookingId} session={list.find((s) => s.id === bookingId)!} format={format} booked={params.get('geboekt') !== null} />}
      </QueryState>
    </div>
  )
}
