import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { TextAreaField } from '../../components/TextAreaField.tsx'
import { describeError } from '../../lib/errors.ts'
import { useTRPC } from '../../lib/trpc.ts'
import type { ZoneFormat } from './useCoachingZone.ts'

interface Props {
  coach: { id: string; displayName: string; cancelWindowHours: number }
  type: { id: string; title: string; durationMinutes: number; credits: number }
  startsAt: string
  lessonId: string | null
  format: ZoneFormat
  onBack: () => void
}

/** The confirmation step: what, when, what it costs and the cancellation rule, then one button. */
export function BookingForm({ coach, type, startsAt, lessonId, format, onBack }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const [topic, setTopic] = useState('')
  const [express, setExpress] = useState(false)
  // One key per confirmation step: a double click or a retry returns the same booking.
  const key = useRef(crypto.randomUUID())
  const book = useMutation(
    trpc.coaching.book.mutationOptions({
      onSuccess: async (booking) => {
        await queryClient.invalidateQueries(trpc.coaching.pathFilter())
        await navigate(`/coaching/sessies/${booking.id}?geboekt=1`)
      },
    }),
  )
  const error = book.error ? describeError(book.error) : null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    book.mutate({ coachId: coach.id, sessionTypeId: type.id, startsAt, topic, lessonId, expressStartRequested: express, idempotencyKey: key.current })
  }
  return (
    <form onSubmit={submit} className="coaching-card booking-form" aria-labelledby="booking-title" noValidate>
      <h2 id="booking-title">{t('coachingPage.confirmTitle')}</h2>
      <dl className="booking-summary">
        <dt>{t('coachingPage.coach')}</dt>
        <dd>{coach.displayName}</dd>
        <dt>{t('coachingPage.session')}</dt>
        <dd>{t('coachingPage.typeLine', { title: type.title, minutes: type.durationMinutes })}</dd>
        <dt>{t('coachingPage.when')}</dt>
        <dd>
          {format.dateTime(startsAt)} ({format.zone})
        </dd>
        <dt>{t('coachingPage.cost')}</dt>
        <dd>{t('coachingPage.costCredits', { count: type.credits })}</dd>
      </dl>
      <p>{t('coachingPage.cancelRule', { hours: coach.cancelWindowHours })}</p>
      <FormAlert error={error} />
      <TextAreaField label={t('coachingPage.topic')} hint={t('coachingPage.topicHint')} value={topic} maxLength={1000} rows={4} onChange={(event) => setTopic(event.target.value)} />
      <CheckboxField
        label={t('coachingPage.express')}
        hint={t('coachingPage.expressHint')}
        checked={express}
        onChange={(event) => setExpress(event.target.checked)}
        error={error?.key === 'coaching.expressStartRequired' ? 'coaching.expressStartRequired' : undefined}
      />
      <div className="form-actions">
        <Button type="submit" pending={book.isPending} pendingLabel={t('coachingPage.booking')}>
          {t('coachingPage.confirmBooking')}
        </Button>
        <Button variant="ghost" onClick={onBack}>
          {t('coachingPage.otherTime')}
        </Button>
      </div>
    </form>
  )
}
