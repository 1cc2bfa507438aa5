import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { PageHeader } from '../../components/PageHeader.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { describeError } from '../../lib/errors.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useLocale } from '../../lib/useLocale.ts'

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

/**
 * /coaching — the member's credits (with expiry dates), the coaches and their free times in the
 * member's own time zone (browser-detected, changeable, stored), booking, and their sessions.
 * `?les=<lessonId>` books from the lesson the member is stuck on.
 */
export function CoachingPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('coachingPage.title'))
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [params] = useSearchParams()
  const lessonId = params.get('les')
  const credits = useQuery(trpc.coaching.credits.queryOptions())
  const coaches = useQuery(trpc.coaching.coaches.queryOptions())
  const sessions = useQuery(trpc.coaching.mySessions.queryOptions())
  const [zoneDraft, setZoneDraft] = useState<string | null>(null)
  const zone = zoneDraft ?? credits.data?.timeZone ?? browserZone()
  const setZone = useMutation(trpc.coaching.setTimeZone.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.coaching.credits.queryFilter()) }))
  const [picked, setPicked] = useState<{ coachId: string; sessionTypeId: string } | null>(null)
  const slots = useQuery({ ...trpc.coaching.slots.queryOptions(picked ?? { coachId: '', sessionTypeId: '' }), enabled: picked !== null })
  const [topic, setTopic] = useState('')
  const [express, setExpress] = useState(false)
  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.coaching.pathFilter())])
  const book = useMutation(trpc.coaching.book.mutationOptions({ onSuccess: refresh }))
  const cancel = useMutation(trpc.coaching.cancel.mutationOptions({ onSuccess: refresh }))
  const when = (iso: string | Date) =>
    new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(new Date(iso))
  const error = book.error ?? cancel.error ?? setZone.error

  return (
    <div className="container coaching">
      <PageHeader eyebrow={t('coachingPage.eyebrow')} title={t('coachingPage.title')} intro={t('coachingPage.intro')} />
      {error ? <p role="alert">{t(describeError(error).messageKey, describeError(error).values)}</p> : null}

      <section aria-labelledby="coaching-credits">
        <h2 id="coaching-credits">{t('coachingPage.credits')}</h2>
        <QueryState query={credits}>
          {(account) => (
            <>
              <p>{t('coachingPage.balance', { count: account.balance })}</p>
              <ul>
                {account.credits.map((credit) => (
                  <li key={credit.id}>{t('coachingPage.expires', { date: when(credit.expiresAt) })}</li>
                ))}
              </ul>
            </>
          )}
        </QueryState>
      </section>

      <section aria-labelledby="coaching-zone">
        <h2 id="coaching-zone">{t('coachingPage.timeZone')}</h2>
        <label>
          {t('coachingPage.timeZoneLabel')}{' '}
          <input value={zone} onChange={(event) => setZoneDraft(event.target.value)} onBlur={() => setZone.mutate({ timeZone: zone })} />
        </label>
        <p>{t('coachingPage.timesIn', { zone })}</p>
      </section>

      <section aria-labelledby="coaching-coaches">
        <h2 id="coaching-coaches">{t('coachingPage.coaches')}</h2>
        <QueryState query={coaches} empty={<p>{t('coachingPage.noCoaches')}</p>}>
          {(list) => (
            <ul>
              {list.map((coach) => (
                <li key={coach.id}>
                  <h3>{coach.displayName}</h3>
                  <p>{locale === 'nl' ? coach.bioNl : coach.bioEn || coach.bioNl}</p>
                  {coach.sessionTypes.map((type) => (
                    <button key={type.id} type="button" onClick={() => setPicked({ coachId: coach.id, sessionTypeId: type.id })}>
                      {t('coachingPage.type', { title: type.title, minutes: type.durationMinutes, count: type.credits })}
                    </button>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </section>

      {picked ? (
        <section aria-labelledby="coaching-slots">
          <h2 id="coaching-slots">{t('coachingPage.slots')}</h2>
          <label>
            {t('coachingPage.topic')} <textarea value={topic} maxLength={1000} onChange={(event) => setTopic(event.target.value)} />
          </label>
          <label>
            <input type="checkbox" checked={express} onChange={(event) => setExpress(event.target.checked)} /> {t('coachingPage.express')}
          </label>
          <QueryState query={slots}>
            {(list) => (
              <ul>
                {list.days
                  .filter((day) => day.status !== 'unavailable')
                  .map((day) => (
                    <li key={day.date}>
                      <strong>{day.date}</strong> {day.status === 'full' ? t('coachingPage.full') : null}
                      {day.slots.map((slot) => (
                        <button
                          key={slot}
                          type="button"
                          disabled={book.isPending}
                          onClick={() => book.mutate({ ...picked, startsAt: slot, topic, lessonId, expressStartRequested: express, idempotencyKey: crypto.randomUUID() })}
                        >
                          {when(slot)}
                        </button>
                      ))}
                    </li>
                  ))}
              </ul>
            )}
          </QueryState>
        </section>
      ) : null}

      <section aria-labelledby="coaching-sessions">
        <h2 id="coaching-sessions">{t('coachingPage.sessions')}</h2>
        <QueryState query={sessions} empty={<p>{t('coachingPage.noSessions')}</p>}>
          {(list) => (
            <ul>
              {list.map((session) => (
                <li key={session.id}>
                  {session.title} — {session.coachName} — {when(session.startsAt)} — {t(`coachingPage.status.${session.status}`)}
                  {session.location ? <> — {session.location}</> : null}
                  {session.status === 'booked' ? (
                    <button type="button" onClick={() => cancel.mutate({ bookingId: session.id, acceptForfeit: window.confirm(t('coachingPage.confirmCancel', { hours: session.cancelWindowHours })) })}>
                      {t('coachingPage.cancel')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </section>
    </div>
  )
}
