import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { Notice } from '../../components/Notice.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { describeError } from '../../lib/errors.ts'
import { linkify } from '../../lib/linkify.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { SlotPicker } from './SlotPicker.tsx'
import { statusBadge } from './statusBadge.ts'
import type { ZoneFormat } from './useCoachingZone.ts'

const HOUR = 3_600_000

export interface SessionDetails {
  id: string
  coachId: string
  sessionTypeId: string
  title: string
  coachName: string
  startsAt: string | Date
  status: 'booked' | 'canceled' | 'held' | 'member_no_show' | 'coach_no_show'
  topic: string
  credits: number
  rescheduleCount: number
  maxReschedules: number
  cancelWindowHours: number
  location: string | null
  locationKind: 'video' | 'phone' | 'in_person'
  sharedSummary: string
}

/**
 * One session as its member sees it, with reschedule and cancel within the rules: logged in (`token`
 * absent) or through a signed mail link (`token`; used once — afterwards the page shows the outcome).
 */
export function SessionView({ session, format, token, booked = false }: { session: SessionDetails; format: ZoneFormat; token?: string; booked?: boolean }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [moving, setMoving] = useState(false)
  const [newStart, setNewStart] = useState<string | null>(null)
  const [acceptForfeit, setAcceptForfeit] = useState(false)
  const [movedTo, setMovedTo] = useState<string | null>(null)
  const done = async (startsAt?: string) => {
    setMoving(false)
    setNewStart(null)
    if (startsAt) setMovedTo(startsAt)
    if (!token) await queryClient.invalidateQueries(trpc.coaching.pathFilter())
  }
  const reschedule = useMutation(trpc.coaching.reschedule.mutationOptions({ onSuccess: (moved) => done(new Date(moved.startsAt).toISOString()) }))
  const linkReschedule = useMutation(trpc.coaching.linkReschedule.mutationOptions({ onSuccess: (moved) => done(new Date(moved.startsAt).toISOString()) }))
  const cancel = useMutation(trpc.coaching.cancel.mutationOptions({ onSuccess: () => done() }))
  const linkCancel = useMutation(trpc.coaching.linkCancel.mutationOptions({ onSuccess: () => done() }))
  const move = token ? linkReschedule : reschedule
  const drop = token ? linkCancel : cancel
  const error = move.error ?? drop.error
  // A link is spent once used: the page then reports what happened and offers nothing more.
  const spent = token !== undefined && (move.isSuccess || drop.isSuccess)
  const canceled = drop.isSuccess
  const startsAt = movedTo ?? session.startsAt
  const start = new Date(startsAt).getTime()
  const upcoming = session.status === 'booked' && !canceled && start > Date.now()
  const inWindow = start - session.cancelWindowHours * HOUR > Date.now()
  const rescheduleCount = session.rescheduleCount + (token && move.isSuccess ? 1 : 0)
  const canMove = upcoming && inWindow && rescheduleCount < session.maxReschedules
  const creditReturned = drop.data?.creditReturned

  return (
    <>
      <PageHeader eyebrow={t('coachingPage.eyebrow')} title={session.title} intro={`${format.dateTime(startsAt)} (${format.zone})`}>
        <p>
          <span className={statusBadge(canceled ? 'canceled' : session.status)}>{t(`coachingPage.status.${canceled ? 'canceled' : session.status}`)}</span>
        </p>
      </PageHeader>
      {booked && session.status === 'booked' && !move.isSuccess && !canceled ? (
        <Notice tone="success" title={t('coachingPage.bookedTitle')}>
          {t('coachingPage.bookedText')}
        </Notice>
      ) : null}
      {move.isSuccess ? <Notice tone="success">{t('coachingPage.moved', { when: format.dateTime(startsAt) })}</Notice> : null}
      {canceled ? <Notice tone="info">{creditReturned ? t('coachingPage.canceledCreditBack') : t('coachingPage.canceledForfeit')}</Notice> : null}
      <FormAlert error={error ? describeError(error) : null} />
      <dl className="booking-summary">
        <dt>{t('coachingPage.coach')}</dt>
        <dd>{session.coachName}</dd>
        <dt>{t('coachingPage.where')}</dt>
        <dd>{session.location && !canceled ? <Linkified text={session.location} /> : t(`coachingPage.locationKind.${session.locationKind}`)}</dd>
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

      {upcoming && !spent ? (
        <section aria-labelledby="session-change" className="coaching-card">
          <h2 id="session-change">{t('coachingPage.change')}</h2>
          <p>{t('coachingPage.cancelRule', { hours: session.cancelWindowHours })}</p>
          {canMove ? (
            moving ? (
              <>
                <p>{t('coachingPage.movesLeft', { count: session.maxReschedules - rescheduleCount })}</p>
                <SlotPicker
                  source={token ? { token } : { coachId: session.coachId, sessionTypeId: session.sessionTypeId, rescheduleBookingId: session.id }}
                  format={format}
                  selected={newStart}
                  onPick={setNewStart}
                />
                <div className="form-actions">
                  <Button
                    disabled={newStart === null}
                    pending={move.isPending}
                    onClick={() => {
                      if (!newStart) return
                      if (token) linkReschedule.mutate({ token, startsAt: newStart })
                      else reschedule.mutate({ bookingId: session.id, startsAt: newStart })
                    }}
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
            {inWindow ? null : <CheckboxField label={t('coachingPage.acceptForfeit')} checked={acceptForfeit} onChange={(event) => setAcceptForfeit(event.target.checked)} />}
            <Button
              variant="danger"
              pending={drop.isPending}
              disabled={!inWindow && !acceptForfeit}
              onClick={() => {
                const forfeit = !inWindow && acceptForfeit
                if (token) linkCancel.mutate({ token, acceptForfeit: forfeit })
                else cancel.mutate({ bookingId: session.id, acceptForfeit: forfeit })
              }}
            >
              {inWindow ? t('coachingPage.cancelWithCredit') : t('coachingPage.cancelForfeit')}
            </Button>
          </div>
        </section>
      ) : null}
      {spent ? <p>{t('coachingPage.linkUsed')}</p> : null}
    </>
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
