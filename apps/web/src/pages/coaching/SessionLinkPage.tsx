import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { QueryState } from '../../components/QueryState.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { SessionView } from './SessionView.tsx'
import { zoneFormat } from './useCoachingZone.ts'
import './coaching.css'

/**
 * /coaching/link/:token — the button of a booking mail: the session, rescheduled or cancelled
 * without logging in (single use, until the start). Times in the member's stored zone.
 */
export function SessionLinkPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('coachingPage.sessionTitle'))
  const trpc = useTRPC()
  const locale = useLocale()
  const { token = '' } = useParams()
  // Loaded once: after a use the link is spent, and the page keeps showing what happened.
  const session = useQuery({ ...trpc.coaching.linkSession.queryOptions({ token }), staleTime: Infinity, refetchOnWindowFocus: false, retry: false })
  return (
    <div className="container coaching page-narrow">
      <QueryState query={session} isEmpty={() => false}>
        {(data) => <SessionView session={data} format={zoneFormat(data.timeZone, locale)} token={token} />}
      </QueryState>
      <p>
        <Link to="/coaching">{t('coachingPage.allSessions')}</Link>
      </p>
    </div>
  )
}
