import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { describeError } from '../../../lib/errors.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'

interface Range {
  start: string
  end: string
}
interface Availability {
  weekly: { weekday: number; startMinute: number; endMinute: number }[]
  overrides: { date: string; ranges: { startMinute: number; endMinute: number }[] }[]
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const
const pad = (n: number) => String(n).padStart(2, '0')
const toTime = (minute: number) => (minute >= 1440 ? '00:00' : `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`)
const toMinute = (time: string, end = false) => {
  const [h, m] = time.split(':').map(Number)
  const minute = (h ?? 0) * 60 + (m ?? 0)
  // An end of 00:00 is midnight at the end of the day.
  return end && minute === 0 ? 1440 : minute
}
const toRanges = (ranges: { startMinute: number; endMinute: number }[]): Range[] => ranges.map((r) => ({ start: toTime(r.startMinute), end: toTime(r.endMinute) }))
const fromRanges = (ranges: Range[]) => ranges.filter((r) => r.start && r.end).map((r) => ({ startMinute: toMinute(r.start), endMinute: toMinute(r.end, true) }))

/** /coach/beschikbaarheid — the weekly schedule (several ranges a day) and date overrides, in the coach's zone. */
export function CoachAvailabilityPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('coachPages.availabilityTitle'))
  const trpc = useTRPC()
  const availability = useQuery(trpc.coaching.availability.queryOptions())
  const profile = useQuery(trpc.coaching.ownProfile.queryOptions())
  return (
    <>
      <PageHeader eyebrow={t('coachPages.eyebrow')} title={t('coachPages.availabilityTitle')} intro={t('coachPages.availabilityIntro', { zone: profile.data?.timeZone ?? 'Europe/Amsterdam' })} />
      <QueryState query={availability} isEmpty={() => false}>
        {(data) => <AvailabilityForm initial={data} />}
      </QueryState>
    </>
  )
}

function RangeRows({ ranges, onChange, label }: { ranges: Range[]; onChange: (ranges: Range[]) => void; label: string }) {
  const { t } = useTranslation()
  return (
    <>
      {ranges.map((range, index) => (
        <div className="schedule-range" key={index}>
          <label>
            {t('coachPages.from')}
            <input className="input" type="time" step={900} value={range.start} aria-label={`${label}: ${t('coachPages.from')}`} onChange={(event) => onChange(ranges.map((r, i) => (i === index ? { ...r, start: event.target.value } : r)))} />
          </label>
          <label>
            {t('coachPages.until')}
            <input className="input" type="time" step={900} value={range.end} aria-label={`${label}: ${t('coachPages.until')}`} onChange={(event) => onChange(ranges.map((r, i) => (i === index ? { ...r, end: event.target.value } : r)))} />
          </label>
          <Button variant="ghost" onClick={() => onChange(ranges.filter((_, i) => i !== index))}>
            {t('coachPages.removeRange')}
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...ranges, { start: '09:00', end: '17:00' }])}>
        {t('coachPages.addRange')}
      </Button>
    </>
  )
}

function AvailabilityForm({ initial }: { initial: Availability }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [weekly, setWeekly] = useState<Record<number, Range[]>>(() =>
    Object.fromEntries(WEEKDAYS.map((day) => [day, toRanges(initial.weekly.filter((r) => r.weekday === day))])),
  )
  const [overrides, setOverrides] = useState<{ date: string; ranges: Range[] }[]>(() => initial.overrides.map((o) => ({ date: o.date, ranges: toRanges(o.ranges) })))
  const save = useMutation(trpc.coaching.saveAvailability.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.coaching.availability.queryFilter()) }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate({
      weekly: WEEKDAYS.flatMap((weekday) => fromRanges(weekly[weekday] ?? []).map((range) => ({ weekday, ...range }))),
      overrides: overrides.filter((o) => o.date).map((o) => ({ date: o.date, ranges: fromRanges(o.ranges) })),
    })
  }
  return (
    <form className="coach-form" onSubmit={submit} noValidate>
      <FormAlert error={save.error ? describeError(save.error) : null} />
      <h2>{t('coachPages.weekly')}</h2>
      {WEEKDAYS.map((weekday) => {
        const label = t(`coachPages.weekday.${weekday}`)
        return (
          <fieldset key={weekday} className="schedule-day">
            <legend>{label}</legend>
            {(weekly[weekday] ?? []).length === 0 ? <p className="muted">{t('coachPages.dayOffWeekly')}</p> : null}
            <RangeRows label={label} ranges={weekly[weekday] ?? []} onChange={(ranges) => setWeekly({ ...weekly, [weekday]: ranges })} />
          </fieldset>
        )
      })}
      <h2>{t('coachPages.overrides')}</h2>
      <p className="muted">{t('coachPages.overridesIntro')}</p>
      {overrides.length === 0 ? <p>{t('coachPages.noOverrides')}</p> : null}
      {overrides.map((override, index) => {
        const update = (next: Partial<{ date: string; ranges: Range[] }>) => setOverrides(overrides.map((o, i) => (i === index ? { ...o, ...next } : o)))
        return (
          <fieldset key={index} className="schedule-day">
            <legend>{override.date || t('coachPages.overrideDate')}</legend>
            <div className="schedule-range">
              <label>
                {t('coachPages.overrideDate')}
                <input className="input" type="date" value={override.date} onChange={(event) => update({ date: event.target.value })} />
              </label>
              <Button variant="ghost" onClick={() => setOverrides(overrides.filter((_, i) => i !== index))}>
                {t('coachPages.removeOverride')}
              </Button>
            </div>
            {override.ranges.length === 0 ? <p className="muted">{t('coachPages.dayOff')}</p> : null}
            <RangeRows label={override.date} ranges={override.ranges} onChange={(ranges) => update({ ranges })} />
          </fieldset>
        )
      })}
      <div>
        <Button variant="secondary" onClick={() => setOverrides([...overrides, { date: '', ranges: [] }])}>
          {t('coachPages.addOverride')}
        </Button>
      </div>
      <div className="form-actions">
        <Button type="submit" pending={save.isPending}>
          {t('coachPages.save')}
        </Button>
        {save.isSuccess ? <p role="status">{t('coachPages.saved')}</p> : null}
      </div>
    </form>
  )
}
