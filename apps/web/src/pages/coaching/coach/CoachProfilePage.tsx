import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { coachingLocationKinds } from '@jouwbot/shared'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { SelectField } from '../../../components/SelectField.tsx'
import { TextAreaField } from '../../../components/TextAreaField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { describeError } from '../../../lib/errors.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { CoachPhotoSection } from './CoachPhotoSection.tsx'

type Profile = {
  displayName: string
  bioNl: string
  bioEn: string
  languages: string[]
  locationKind: (typeof coachingLocationKinds)[number]
  locationDetail: string
  timeZone: string
  bufferBeforeMinutes: number
  bufferAfterMinutes: number
  minimumNoticeMinutes: number
  horizonDays: number
  maxSessionsPerDay: number | null
  maxUpcomingPerMember: number | null
  maxReschedules: number
  cancelWindowHours: number
}

/** /coach/profiel — photo, name, bio nl/en, languages, where sessions happen, and the booking rules. */
export function CoachProfilePage() {
  const { t } = useTranslation()
  useDocumentTitle(t('coachPages.profileTitle'))
  const trpc = useTRPC()
  const profile = useQuery(trpc.coaching.ownProfile.queryOptions())
  return (
    <>
      <PageHeader eyebrow={t('coachPages.eyebrow')} title={t('coachPages.profileTitle')} />
      <QueryState query={profile} isEmpty={() => false}>
        {(data) => (
          <>
            <CoachPhotoSection photoUrl={data.photoUrl} displayName={data.displayName} />
            <ProfileForm initial={data} />
          </>
        )}
      </QueryState>
    </>
  )
}

function ProfileForm({ initial }: { initial: Profile }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [form, setForm] = useState({
    displayName: initial.displayName,
    bioNl: initial.bioNl,
    bioEn: initial.bioEn,
    languages: initial.languages.join(', '),
    locationKind: initial.locationKind,
    locationDetail: initial.locationDetail,
    timeZone: initial.timeZone,
    bufferBeforeMinutes: String(initial.bufferBeforeMinutes),
    bufferAfterMinutes: String(initial.bufferAfterMinutes),
    noticeHours: String(Math.round(initial.minimumNoticeMinutes / 60)),
    horizonDays: String(initial.horizonDays),
    maxSessionsPerDay: initial.maxSessionsPerDay === null ? '' : String(initial.maxSessionsPerDay),
    maxUpcomingPerMember: initial.maxUpcomingPerMember === null ? '' : String(initial.maxUpcomingPerMember),
    maxReschedules: String(initial.maxReschedules),
    cancelWindowHours: String(initial.cancelWindowHours),
  })
  const save = useMutation(trpc.coaching.updateProfile.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.coaching.ownProfile.queryFilter()) }))
  const error = save.error ? describeError(save.error) : null
  const fieldError = (name: string) => error?.fieldErrors[name]
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value })
  const int = (value: string) => (value.trim() === '' ? Number.NaN : Number(value))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate({
      displayName: form.displayName,
      bioNl: form.bioNl,
      bioEn: form.bioEn,
      languages: form.languages
        .split(',')
        .map((code) => code.trim().toLowerCase())
        .filter(Boolean),
      locationKind: form.locationKind,
      locationDetail: form.locationDetail,
      timeZone: form.timeZone,
      bufferBeforeMinutes: int(form.bufferBeforeMinutes),
      bufferAfterMinutes: int(form.bufferAfterMinutes),
      minimumNoticeMinutes: int(form.noticeHours) * 60,
      horizonDays: int(form.horizonDays),
      maxSessionsPerDay: form.maxSessionsPerDay.trim() === '' ? null : int(form.maxSessionsPerDay),
      maxUpcomingPerMember: form.maxUpcomingPerMember.trim() === '' ? null : int(form.maxUpcomingPerMember),
      maxReschedules: int(form.maxReschedules),
      cancelWindowHours: int(form.cancelWindowHours),
    })
  }
  const number = (name: keyof typeof form, label: string, serverName: string = name) => (
    <TextField label={label} inputMode="numeric" value={form[name]} onChange={set(name)} error={fieldError(serverName)} />
  )
  return (
    <form className="coach-form" onSubmit={submit} noValidate>
      <FormAlert error={error && Object.keys(error.fieldErrors).length === 0 ? error : null} />
      <TextField label={t('coachPages.displayName')} value={form.displayName} maxLength={80} onChange={set('displayName')} error={fieldError('displayName')} required />
      <TextAreaField label={t('coachPages.bioNl')} value={form.bioNl} maxLength={2000} onChange={set('bioNl')} error={fieldError('bioNl')} lang="nl" />
      <TextAreaField label={t('coachPages.bioEn')} value={form.bioEn} maxLength={2000} onChange={set('bioEn')} error={fieldError('bioEn')} lang="en" />
      <TextField label={t('coachPages.languages')} hint={t('coachPages.languagesHint')} value={form.languages} onChange={set('languages')} error={fieldError('languages')} />
      <SelectField
        label={t('coachPages.locationKind')}
        value={form.locationKind}
        onChange={(event) => setForm({ ...form, locationKind: event.target.value as Profile['locationKind'] })}
        options={coachingLocationKinds.map((kind) => ({ value: kind, label: t(`coachingPage.locationKind.${kind}`) }))}
      />
      <TextField label={t('coachPages.locationDetail')} hint={t('coachPages.locationHint')} value={form.locationDetail} maxLength={300} onChange={set('locationDetail')} error={fieldError('locationDetail')} />
      <TextField label={t('coachPages.timeZone')} value={form.timeZone} maxLength={64} onChange={set('timeZone')} error={fieldError('timeZone')} />
      <div className="coach-form__row">
        {number('bufferBeforeMinutes', t('coachPages.bufferBefore'))}
        {number('bufferAfterMinutes', t('coachPages.bufferAfter'))}
        {number('noticeHours', t('coachPages.notice'), 'minimumNoticeMinutes')}
        {number('horizonDays', t('coachPages.horizon'))}
        {number('maxSessionsPerDay', t('coachPages.maxPerDay'))}
        {number('maxUpcomingPerMember', t('coachPages.maxPerMember'))}
        {number('maxReschedules', t('coachPages.maxReschedules'))}
        {number('cancelWindowHours', t('coachPages.cancelWindow'))}
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
