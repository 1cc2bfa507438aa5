import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { CalendarFeedSection } from './CalendarFeedSection.tsx'
import { CoachList } from './CoachList.tsx'
import { CreditsSection } from './CreditsSection.tsx'
import { MySessions } from './MySessions.tsx'
import { TimeZoneSection } from './TimeZoneSection.tsx'
import { useCoachingZone } from './useCoachingZone.ts'
import './coaching.css'
import { MessengerLink } from '../marketing/chat/MessengerLink.tsx'

/**
 * /coaching — the member's credits (with expiry dates), their sessions, the coaches, and the zone
 * times are shown in (browser-detected, changeable, stored). `?les=<lessonId>` books from the lesson
 * the member is stuck on (carried to the coach's page).
 */
export function CoachingPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('coachingPage.title'))
  const [params] = useSearchParams()
  const format = useCoachingZone()
  return (
    <div className="container coaching">
      <PageHeader eyebrow={t('coachingPage.eyebrow')} title={t('coachingPage.title')} intro={t('coachingPage.intro')} />
      <MessengerLink from="coaching" />
      <div className="coaching-columns">
        <CreditsSection format={format} />
        <TimeZoneSection format={format} stored={format.stored} />
      </div>
      <MySessions format={format} />
      <CalendarFeedSection format={format} audience="member" />
      <CoachList lessonId={params.get('les')} />
    </div>
  )
}
