import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { describeError } from '../../../lib/errors.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { zoneFormat } from '../useCoachingZone.ts'
import { CalendarFeedSection } from '../CalendarFeedSection.tsx'
import { MemberProgress } from './MemberProgress.tsx'
import { SessionNotesForm } from './SessionNotesForm.tsx'
import { statusBadge } from '../statusBadge.ts'

const OUTCOMES = ['held', 'member_no_show', 'coach_no_show'] as const

/**
 * /coach — upcoming sessions and those still to be marked, with each member's course progress
 * (only members who booked this coach; every view audited), outcome buttons after the start, and a
 * coach's cancel before it (the member's credit always comes back).
 */
export function CoachSessionsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('coachPages.sessionsTitle'))
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const profile = useQuery(trpc.coaching.ownProfile.queryOptions())
  const sessions = useQuery(trpc.coaching.coachSessions.queryOptions())
  const [open, setOpen] = useState<string | null>(null)
  const refresh = () => queryClient.invalidateQueries(trpc.coaching.coachSessions.queryFilter())
  const mark = useMutation(trpc.coaching.markOutcome.mutationOptions({ onSuccess: refresh }))
  const cancel = useMutation(trpc.coaching.cancel.mutationOptions({ onSuccess: refresh }))
  const format = zoneFormat(profile.data?.timeZone ?? 'Europe/Amsterdam', locale)
  const error = mark.error ?? cancel.error
  return (
    <>
      <PageHeader eyebrow={t('coachPages.eyebrow')} title={t('coachPages.sessionsTitle')} intro={t('coachPages.sessionsIntro')} />
      <p className="muted">{t('coachingPage.timesIn', { zone: format.zone })}</p>
      <FormAlert error={error ? describeError(error) : null} />
      {mark.isSuccess ? <p role="status">{t('coachPages.outcomeSaved')}</p> : null}
      <QueryState query={sessions} empty={<p>{t('coachPages.noSessions')}</p>}>
        {(list) => (
          <ul className="coaching-plain-list coach-cards">
            {list.map((session) => (
              <li key={session.id} className="coach-session">
                <h2 className="coach-card__name">
                  {format.dateTime(session.startsAt)} · {session.title}
                </h2>
                <dl className="booking-summary">
                  <dt>{t('coachPages.member')}</dt>
                  <dd>{session.memberName}</dd>
                  {session.topic ? (
                    <>
                      <dt>{t('coachPages.topic')}</dt>
                      <dd className="pre-line">{session.topic}</dd>
                    </>
                  ) : null}
                  {session.lessonTitle ? (
                    <>
                      <dt>{t('coachPages.lesson')}</dt>
                      <dd>{session.lessonTitle}</dd>
                    </>
                  ) : null}
                </dl>
                <p>{t('coachPages.progressSummary', { completed: session.lessonsCompleted, total: session.lessonsTotal, minutes: session.minutesWatched })}</p>
                {session.rescheduleCount > 0 ? <p className="muted">{t('coachPages.reschedules', { count: session.rescheduleCount })}</p> : null}
                <div>
                  <Button variant="link" aria-expanded={open === session.id} onClick={() => setOpen(open === session.id ? null : session.id)}>
                    {open === session.id ? t('coachPages.hideProgress') : t('coachPages.showProgress')}
                  </Button>
                  {open === session.id ? <MemberProgress memberId={session.memberId} /> : null}
                </div>
                {session.status !== 'booked' ? (
                  <p>
                    <span className={statusBadge(session.status)}>{t(`coachingPage.status.${session.status}`)}</span>
                  </p>
                ) : session.started ? (
                  <fieldset className="schedule-day">
                    <legend>{t('coachPages.outcomeLabel')}</legend>
                    <div className="form-actions">
                      {OUTCOMES.map((outcome) => (
                        <Button key={outcome} variant={outcome === 'held' ? 'primary' : 'secondary'} pending={mark.isPending && mark.variables?.bookingId === session.id && mark.variables.outcome === outcome} onClick={() => mark.mutate({ bookingId: session.id, outcome })}>
                          {t(`coachPages.outcome.${outcome}`)}
                        </Button>
                      ))}
                    </div>
                  </fieldset>
                ) : (
                  <div>
                    <Button
                      variant="danger"
                      pending={cancel.isPending && cancel.variables?.bookingId === session.id}
                      onClick={() => {
                        if (window.confirm(t('coachPages.confirmCancel'))) cancel.mutate({ bookingId: session.id, acceptForfeit: false })
                      }}
                    >
                      {t('coachPages.cancelSession')}
                    </Button>
                  </div>
                )}
                <details>
                  <summary>{t('coachPages.notes')}</summary>
                  <SessionNotesForm bookingId={session.id} coachNote={session.coachNote} sharedSummary={session.sharedSummary} />
                </details>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <CalendarFeedSection format={format} audience="coach" />
    </>
  )
}
