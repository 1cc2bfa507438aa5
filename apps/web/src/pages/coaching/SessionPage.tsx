import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { Notice } from '../../components/Notice.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { describeError } from '../../lib/errors.ts'
import { linkify } from '../../lib/linkify.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { SlotPicker } from './SlotPicker.tsx'
import { useCoachingZone } from './useCoachingZone.ts'
import './coaching.css'
import { statusBadge } from './statusBadge.ts'

const HOUR = 3_600_000

/**
 * /coaching/sessies/:bookingId — one session: the booking confirmation (`?geboekt=1`), and the
 * member's reschedule and cancel within the rules. The mails' buttons lead here.
 */
export function SessionPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('coachingPage.sessionTitle'))
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { bookingId = '' } = useParams()
  const [params] = useSearchParams()
  const format = useCoachingZone()
  const sessions = useQuery(trpc.coaching.mySessions.queryOptions())
  const [moving, setMoving] = useState(false)
  const [newStart, setNewStart] = useState<string | null>(null)
  const [acceptForfeit, setAcceptForfeit] = useState(false)
  const refresh = () => queryClient.invalidateQueries(trpc.coaching.pathFilter())
  const reschedule = useMutation(
    trpc.coaching.reschedule.mutationOptions({
      onSuccess: async () => {
        setMoving(false)
        setNewStart(null)
        await refresh()
      },
    }),
  )
  const cancel = useMutation(trpc.coaching.cancel.mutationOptions({ onSuccess: refresh }))
  const error = reschedule.error ?? cancel.error

  return (
    <div className="container coaching page-narrow">
      <p>
        <Link to="/coaching">{t('coachingPage.backToCoaching')}</Link>
      </p>
      <QueryState query={sessions} isEmpty={(list) => !list.some((s) => s.id === bookingId)} empty={<p>{t('coaching.bookingNotFound')}</p>}>
        {(list) => {
          const session = list.find((s) => s.id === bookingId)!
          const start = new Date(session.startsAt).getTime()
          const upcoming = session.status === 'booked' && start > Date.now()
          const inWindow = start - session.cancelWindowHours * HOUR > Date.now()
          const canMove = upcoming && inWindow && session.rescheduleCount < session.maxReschedules
          return (
            <>
              <PageHeader eyebrow={t('coachingPage.eyebrow')} title={session.title} intro={`${format.dateTime(session.startsAt)} (${format.zone})`}>
                <p>
                  <span className={statusBadge(session.status)}>{t(`coachingPage.status.${session.status}`)}</span>
                </p>
              </PageHeader>
              {params.get('geboekt') && session.status === 'booked' && !reschedule.isSuccess ? (
                <Notice tone="success" title={t('coachingPage.bookedTitle')}>
                  {t('coachingPage.bookedText')}
                </Notice>
              ) : null}
              {reschedule.isSuccess ? <Notice tone="success">{t('coachingPage.moved', { when: format.dateTime(session.startsAt) })}</Notice> : null}
              {cancel.isSuccess ? (
                <Notice tone="info">{cancel.data.creditReturned ? t('coachingPage.canceledCreditBack') : t('coachingPage.canceledForfeit')}</Notice>
              ) : null}
              <FormAlert error={error ? describeError(error) : null} />
              <dl className="booking-summary">
                <dt>{t('coachingPage.coach')}</dt>
                <dd>{session.coachName}</dd>
                <dt>{t('coachingPage.where')}</dt>
                <dd>{session.location ? <Linkified text={session.location} /> : t(`coachingPage.locationKind.${session.locationKind}`)}</dd>
                {session.topic ? (
                  <>
                    <dt>{t('coachingPage.topicShort')}</dt>
                    <dd className="pre-line">{session.topic}</dd>
                  </>
                ) : null}
                <dt>{t('coachingPage.cost')}</dt>
                <dd>{t('coachingPage.costCredits', { count: session.credits })}</dd>
                {session.sharedSummary ? (
                  <>
                    <dt>{t('coachingPage.summary')}</dt>
                    <dd className="pre-line">{session.sharedSummary}</dd>
                  </>
                ) : null}
              </dl>

              {upcoming ? (
                <section aria-labelledby="session-change" className="coaching-card">
                  <h2 id="session-change">{t('coachingPage.change')}</h2>
                  <p>{t('coachingPage.cancelRule', { hours: session.cancelWindowHours })}</p>
                  {canMove ? (
                    moving ? (
                      <>
                        <p>{t('coachingPage.movesLeft', { count: session.maxReschedules - session.rescheduleCount })}</p>
                        <SlotPicker coachId={session.coachId} sessionTypeId={session.sessionTypeId} rescheduleBookingId={session.id} format={format} selected={newStart} onPick={setNewStart} />
                        <div className="form-actions">
                          <Button
                            disabled={newStart === null}
                            pending={reschedule.isPending}
                            onClick={() => newStart && reschedule.mutate({ bookingId: session.id, startsAt: newStart })}
                          >
                            {newStart ? t('coachingPage.moveTo', { when: format.dateTime(newStart) }) : t('coachingPage.pickNewTime')}
                          </Button>
                          <Button variant="ghost" onClick={() => setMoving(false)}>
                            {t('coachingPage.keepTime')}
                          </Button>
                        </div>
                      </>
                    ) : (
                      <Button variant="secondary" onClick={() => setMoving(true)}>
                        {t('coachingPage.reschedule')}
                      </Button>
                    )
                  ) : (
                    <p>{inWindow ? t('coachingPage.noMovesLeft') : t('coachingPage.tooLateToMove')}</p>
                  )}
                  <div className="session-cancel">
                    {inWindow ? null : (
                      <CheckboxField label={t('coachingPage.acceptForfeit')} checked={acceptForfeit} onChange={(event) => setAcceptForfeit(event.target.checked)} />
                    )}
                    <Button
                      variant="danger"
                      pending={cancel.isPending}
                      disabled={!inWindow && !acceptForfeit}
                      onClick={() => cancel.mutate({ bookingId: session.id, acceptForfeit: !inWindow && acceptForfeit })}
                    >
                      {inWindow ? t('coachingPage.cancelWithCredit') : t('coachingPage.cancelForfeit')}
                    </Button>
                  </div>
                </section>
              ) : null}
            </>
          )
        }}
      </QueryState>
    </div>
  )
}

function Linkified({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((part, index) =>
        part.type === 'link' ? (
          <a key={index} href={part.href} rel="noopener noreferrer" target="_blank">
            {part.text}
          </a>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  )
}
