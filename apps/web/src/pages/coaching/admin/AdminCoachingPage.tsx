import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { coachingBookingStatuses } from '@jouwbot/shared'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Button } from '../../../components/Button.tsx'
import { DataTable } from '../../../components/DataTable.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { LoadMore } from '../../../components/LoadMore.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { SelectField } from '../../../components/SelectField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { describeError } from '../../../lib/errors.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { zoneFormat } from '../useCoachingZone.ts'
import '../coaching.css'
import { statusBadge } from '../statusBadge.ts'

type Status = (typeof coachingBookingStatuses)[number]
interface Filters {
  coachId: string
  status: '' | Status
  from: string
  to: string
}

/** /admin/coaching — who is a coach, all bookings (filtered, paginated, audited), manual credit grants (audited). */
export function AdminCoachingPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('adminCoaching.title'))
  return (
    <div className="container coaching">
      <PageHeader eyebrow={t('adminCoaching.eyebrow')} title={t('adminCoaching.title')}>
        <p>
          <Link to="/coach">{t('adminCoaching.ownCoachPages')}</Link>
        </p>
      </PageHeader>
      <CoachesSection />
      <BookingsSection />
      <GrantSection />
    </div>
  )
}

function CoachesSection() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const coaches = useQuery(trpc.admin.coaching.coaches.queryOptions())
  const [email, setEmail] = useState('')
  const setCoach = useMutation(
    trpc.admin.coaching.setCoach.mutationOptions({
      onSuccess: async () => {
        setEmail('')
        await queryClient.invalidateQueries(trpc.admin.coaching.coaches.queryFilter())
      },
    }),
  )
  const error = setCoach.error ? describeError(setCoach.error) : null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setCoach.mutate({ email, coach: true })
  }
  return (
    <section aria-labelledby="admin-coaches" className="coaching-card">
      <h2 id="admin-coaches">{t('adminCoaching.coaches')}</h2>
      <QueryState query={coaches} empty={<p>{t('adminCoaching.noCoaches')}</p>}>
        {(list) => (
          <ul className="session-list">
            {list.map((coach) => (
              <li key={coach.userId} className="session-row">
                <span>
                  <strong>{coach.displayName}</strong> · {coach.email} · {coach.active ? t('adminCoaching.coachActive') : t('adminCoaching.coachInactive')}
                </span>
                <Button variant={coach.active ? 'secondary' : 'primary'} pending={setCoach.isPending && setCoach.variables?.email === coach.email} onClick={() => setCoach.mutate({ email: coach.email, coach: !coach.active })}>
                  {coach.active ? t('adminCoaching.unmakeCoach') : t('adminCoaching.makeCoach')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <form onSubmit={submit} className="admin-filters" noValidate>
        <FormAlert error={error && Object.keys(error.fieldErrors).length === 0 ? error : null} />
        <TextField label={t('adminCoaching.email')} type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} error={error?.fieldErrors.email} />
        <Button type="submit" pending={setCoach.isPending && setCoach.variables?.email === email}>
          {t('adminCoaching.makeCoach')}
        </Button>
      </form>
      {setCoach.isSuccess ? <p role="status">{t('adminCoaching.coachSaved')}</p> : null}
    </section>
  )
}

function BookingsSection() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const locale = useLocale()
  const format = zoneFormat('Europe/Amsterdam', locale)
  const coaches = useQuery(trpc.admin.coaching.coaches.queryOptions())
  const [draft, setDraft] = useState<Filters>({ coachId: '', status: '', from: '', to: '' })
  const [filters, setFilters] = useState<Filters>(draft)
  const input = {
    ...(filters.coachId ? { coachId: filters.coachId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  }
  // Keyset pages with "load more" (no page numbers: counting every booking costs what the list must not).
  // Every read is audit-logged on the server: no refetching on window focus.
  const bookings = useInfiniteQuery(
    trpc.admin.coaching.bookings.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      refetchOnWindowFocus: false,
      placeholderData: keepPreviousData,
    }),
  )
  const bookingCount = bookings.data?.pages.reduce((sum, page) => sum + page.bookings.length, 0) ?? 0
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setFilters(draft)
  }
  return (
    <section aria-labelledby="admin-bookings">
      <h2 id="admin-bookings">{t('adminCoaching.bookings')}</h2>
      <form onSubmit={submit} className="admin-filters" noValidate>
        <SelectField
          label={t('adminCoaching.filterCoach')}
          value={draft.coachId}
          onChange={(event) => setDraft({ ...draft, coachId: event.target.value })}
          options={[{ value: '', label: t('adminCoaching.anyCoach') }, ...(coaches.data ?? []).map((coach) => ({ value: coach.userId, label: coach.displayName }))]}
        />
        <SelectField
          label={t('adminCoaching.filterStatus')}
          value={draft.status}
          onChange={(event) => setDraft({ ...draft, status: event.target.value as Filters['status'] })}
          options={[{ value: '', label: t('adminCoaching.anyStatus') }, ...coachingBookingStatuses.map((status) => ({ value: status, label: t(`coachingPage.status.${status}`) }))]}
        />
        <TextField label={t('adminCoaching.filterFrom')} type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        <TextField label={t('adminCoaching.filterTo')} type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        <Button type="submit" variant="secondary">
          {t('adminCoaching.filter')}
        </Button>
      </form>
      <QueryState query={bookings} isEmpty={(data) => data.pages.every((page) => page.bookings.length === 0)} empty={<p>{t('adminCoaching.noBookings')}</p>}>
        {(data) => (
          <DataTable
            caption={t('adminCoaching.bookings')}
            rowKey={(row) => row.id}
            rowHeader={{ header: t('adminCoaching.colWhen'), cell: (row) => format.dateTime(row.startsAt) }}
            columns={[
              { header: t('adminCoaching.colCoach'), cell: (row) => row.coachName },
              { header: t('adminCoaching.colMember'), cell: (row) => `${row.memberName} (${row.memberEmail})` },
              { header: t('adminCoaching.colSession'), cell: (row) => row.title },
              { header: t('adminCoaching.colStatus'), cell: (row) => <span className={statusBadge(row.status)}>{t(`coachingPage.status.${row.status}`)}</span> },
            ]}
            rows={data.pages.flatMap((page) => page.bookings)}
          />
        )}
      </QueryState>
      <LoadMore query={bookings} shown={bookingCount > 0 ? t('adminCoaching.shown', { count: bookingCount }) : null} />
    </section>
  )
}

function GrantSection() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [form, setForm] = useState({ email: '', credits: '1', note: '' })
  const grant = useMutation(trpc.admin.coaching.grantCreditsByEmail.mutationOptions({ onSuccess: () => setForm({ email: '', credits: '1', note: '' }) }))
  const error = grant.error ? describeError(grant.error) : null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    grant.mutate({ email: form.email, credits: Number(form.credits), note: form.note })
  }
  return (
    <section aria-labelledby="admin-grant" className="coaching-card">
      <h2 id="admin-grant">{t('adminCoaching.grant')}</h2>
      <p className="muted">{t('adminCoaching.grantIntro')}</p>
      <form onSubmit={submit} className="coach-form" noValidate>
        <FormAlert error={error && Object.keys(error.fieldErrors).length === 0 ? error : null} />
        <TextField label={t('adminCoaching.email')} type="email" autoComplete="off" value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} error={error?.fieldErrors.email} />
        <TextField label={t('adminCoaching.credits')} inputMode="numeric" value={form.credits} onChange={(event) => setForm({ ...form, credits: event.target.value })} error={error?.fieldErrors.credits} />
        <TextField label={t('adminCoaching.note')} value={form.note} maxLength={300} onChange={(event) => setForm({ ...form, note: event.target.value })} error={error?.fieldErrors.note} />
        <div className="form-actions">
          <Button type="submit" pending={grant.isPending}>
            {t('adminCoaching.grantButton')}
          </Button>
        </div>
        {grant.isSuccess ? <p role="status">{t('adminCoaching.granted', { count: grant.data.granted })}</p> : null}
      </form>
    </section>
  )
}
